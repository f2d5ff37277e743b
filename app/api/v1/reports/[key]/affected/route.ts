import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { setAffected } from "@/lib/server/matrix/affected";
import { getReport } from "@/lib/server/reports/detail";

export const dynamic = "force-dynamic";

// PUT /api/v1/reports/{key}/affected — the report's OSV-style affected ranges
export const PUT = withRole<{ key: string }>(routes.putAffected, async ({ req, actor, params }) => {
  await setAffected(actor, params.key, await readJson(req, 64 * 1024));
  return json(await getReport(actor, params.key));
});
