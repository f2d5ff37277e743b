import { routes } from "@/lib/schemas/routes";
import { withRole } from "@/lib/server/http/api";
import { deleteWebhook } from "@/lib/server/webhooks/endpoints";

export const dynamic = "force-dynamic";

// DELETE /api/v1/webhooks/{id} — remove an endpoint and its delivery log (admin)
export const DELETE = withRole<{ id: string }>(routes.deleteWebhook, async ({ actor, params }) => {
  await deleteWebhook(actor, params.id);
  return new Response(null, { status: 204 });
});
