import { downloadHeaders } from "@/lib/domain/attachments";
import { routes } from "@/lib/schemas/routes";
import { withRole } from "@/lib/server/http/api";
import { readAttachment } from "@/lib/server/reports/attachments";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/{key}/attachments/{id} — a file's bytes, only ever as a download: whatever the sender
// declared, it is served as octet-stream in a sandbox, so a browser never renders or runs it in our origin
export const GET = withRole<{ key: string; id: string }>(routes.downloadAttachment, async ({ actor, params }) => {
  const file = await readAttachment(actor, params.key, params.id);
  return new Response(new Uint8Array(file.bytes), { headers: downloadHeaders(file.filename, file.bytes.byteLength) });
});
