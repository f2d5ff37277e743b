import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { sendTestEvent } from "@/lib/server/webhooks/endpoints";

export const dynamic = "force-dynamic";

// POST /api/v1/webhooks/{id}/test — queue a webhook.test event to the endpoint (admin)
export const POST = withRole<{ id: string }>(routes.testWebhook, async ({ actor, params }) =>
  json(await sendTestEvent(actor, params.id), { status: 202 }),
);
