import { json, withRole } from "@/lib/server/api";
import { getReport } from "@/lib/server/reports";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/{key} — one report with its clocks, matrix row and timeline
export const GET = withRole<{ key: string }>("reports.read", async ({ actor, params }) => json(await getReport(actor!, params.key)));
