import { z } from "zod";

import { queryOf, withRole } from "@/lib/server/api";
import { getMatrix } from "@/lib/server/matrix";
import { parseInput } from "@/lib/server/validate";

export const dynamic = "force-dynamic";

function csvField(value: string): string {
  // quote, and defuse spreadsheet formulas in text that reporters wrote
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

// GET /api/v1/matrix.csv?project=<slug> — the matrix as CSV, one row per open report
export const GET = withRole("reports.read", async ({ req, actor }) => {
  const { project } = parseInput(z.object({ project: z.string().trim().min(1, "Name the project: ?project=<slug>") }), queryOf(req));
  const m = await getMatrix(actor, project);
  const header = ["key", "title", "status", "severity", ...m.lines.map((l) => `${l.name} (${l.latest ?? "unreleased"}, ${l.status.toLowerCase()})`)];
  const rows = m.rows.map((r) => [r.key, r.title, r.status, r.severity ?? "", ...m.lines.map((l) => [r.cells[l.name]!.state, r.cells[l.name]!.version].filter(Boolean).join(" "))]);
  const body = [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="matrix-${m.project}.csv"`, "Cache-Control": "no-store" },
  });
});
