import { affectedInput } from "@/lib/schemas/projects";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { setAffected } from "@/lib/server/matrix/affected";
import { getReport } from "@/lib/server/reports/detail";

export const dynamic = "force-dynamic";

// PUT /api/v1/reports/{key}/affected — the report's OSV-style affected ranges
export const PUT = withRole<{ key: string }>("reports.write", async ({ req, actor, params }) => {
  await setAffected(actor, params.key, await readJson(req, affectedInput, 64 * 1024));
  return json(await getReport(actor, params.key));
});
