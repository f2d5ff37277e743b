import { json, readJson, withRole } from "@/lib/server/api";
import { setAffected } from "@/lib/server/projects";
import { affectedInput } from "@/lib/server/projects.schema";
import { getReport } from "@/lib/server/reports";

export const dynamic = "force-dynamic";

// PUT /api/v1/reports/{key}/affected — the report's OSV-style affected ranges
export const PUT = withRole<{ key: string }>("reports.write", async ({ req, actor, params }) => {
  await setAffected(actor, params.key, await readJson(req, affectedInput, 64 * 1024));
  return json(await getReport(actor, params.key));
});
