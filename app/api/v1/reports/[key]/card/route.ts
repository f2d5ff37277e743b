import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { getReportSummary } from "@/lib/server/reports/detail";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/{key}/card — the report as a board card shows it (for live updates)
export const GET = withRole<{ key: string }>(routes.reportCard, async ({ actor, params }) =>
  json(await getReportSummary(actor, params.key)),
);
