import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { reprocessMail } from "@/lib/server/mail/unparsed";

export const dynamic = "force-dynamic";

// POST /api/v1/inbound/{id}/reprocess — run intake again on an unparsed or stuck message (admin)
export const POST = withRole<{ id: string }>(routes.reprocessInboundMail, async ({ actor, params }) =>
  json(await reprocessMail(actor, params.id)),
);
