import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { listDeliveries } from "@/lib/server/webhooks/endpoints";

export const dynamic = "force-dynamic";

// GET /api/v1/webhooks/{id}/deliveries — the endpoint's delivery log (admin)
export const GET = withRole<{ id: string }>(routes.webhookDeliveries, async ({ actor, params }) =>
  json(await listDeliveries(actor, params.id)),
);
