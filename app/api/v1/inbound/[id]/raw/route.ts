import { downloadHeaders } from "@/lib/domain/attachments";
import { routes } from "@/lib/schemas/routes";
import { withRole } from "@/lib/server/http/api";
import { rawMail } from "@/lib/server/mail/unparsed";

export const dynamic = "force-dynamic";

// GET /api/v1/inbound/{id}/raw — the raw message as an .eml download (admin)
export const GET = withRole<{ id: string }>(routes.rawInboundMail, async ({ actor, params }) => {
  const { filename, bytes } = await rawMail(actor, params.id);
  return new Response(new Uint8Array(bytes), { headers: downloadHeaders(filename, bytes.length, "message/rfc822") });
});
