import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { reportFromMail } from "@/lib/server/mail/unparsed";

export const dynamic = "force-dynamic";

// POST /api/v1/inbound/{id}/report — make a report by hand from an unparsed message (admin)
export const POST = withRole<{ id: string }>(routes.reportFromInboundMail, async ({ req, actor, params }) =>
  json(await reportFromMail(actor, params.id, await readJson(req, 300 * 1024)), { status: 201 }),
);
