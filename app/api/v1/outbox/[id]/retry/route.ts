import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { retryOutboxMail } from "@/lib/server/mail/outbox-admin";

export const dynamic = "force-dynamic";

// POST /api/v1/outbox/{id}/retry — send a failed mail again (admin)
export const POST = withRole<{ id: string }>(routes.retryOutboxMail, async ({ actor, params }) =>
  json(await retryOutboxMail(actor, params.id)),
);
