import { downloadHeaders } from "@/lib/domain/attachments";
import { routes } from "@/lib/schemas/routes";
import { withRole } from "@/lib/server/http/api";
import { backupArchive } from "@/lib/server/infra/backup";

export const dynamic = "force-dynamic";

// GET /api/v1/admin/backup — the embedded database, taken while it runs, sealed with the instance key (admin)
export const GET = withRole(routes.backup, async ({ actor }) => {
  const { filename, bytes } = await backupArchive(actor);
  return new Response(new Uint8Array(bytes), {
    headers: downloadHeaders(filename, bytes.length, "application/octet-stream"),
  });
});
