import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { setOverride } from "@/lib/server/matrix/affected";
import { getReport } from "@/lib/server/reports/detail";

export const dynamic = "force-dynamic";

// PUT /api/v1/reports/{key}/matrix/{line} — override one matrix cell (state, fixed version, fix reference, note)
export const PUT = withRole<{ key: string; line: string }>(routes.putMatrixCell, async ({ req, actor, params }) => {
  await setOverride(actor, params.key, decodeURIComponent(params.line), await readJson(req, 16 * 1024));
  return json(await getReport(actor, params.key));
});
