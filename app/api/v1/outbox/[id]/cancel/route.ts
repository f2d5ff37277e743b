import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { cancelOutboxMail } from "@/lib/server/mail/outbox-admin";

export const dynamic = "force-dynamic";

// POST /api/v1/outbox/{id}/cancel — stop a pending mail (admin)
export const POST = withRole<{ id: string }>(routes.cancelOutboxMail, async ({ actor, params }) =>
  json(await cancelOutboxMail(actor, params.id)),
);
