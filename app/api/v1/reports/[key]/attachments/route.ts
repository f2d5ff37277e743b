import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { listAttachments } from "@/lib/server/reports/attachments";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/{key}/attachments — the report's files, mailed in or uploaded
export const GET = withRole<{ key: string }>(routes.listAttachments, async ({ actor, params }) =>
  json(await listAttachments(actor, params.key)),
);
