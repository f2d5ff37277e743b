import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { getReport } from "@/lib/server/reports/detail";
import { updateReport } from "@/lib/server/reports/update";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/{key} — one report with its clocks, matrix row and timeline
export const GET = withRole<{ key: string }>(routes.getReport, async ({ actor, params }) =>
  json(await getReport(actor, params.key)),
);

// PATCH /api/v1/reports/{key} — move it in the workflow or change its fields; `version` required
export const PATCH = withRole<{ key: string }>(routes.patchReport, async ({ req, actor, params }) => {
  const input = await readJson(req, 64 * 1024);
  await updateReport(actor, params.key, input);
  return json(await getReport(actor, params.key));
});
