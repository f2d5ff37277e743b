import { toCsv } from "@/lib/domain/csv";
import { matrixQuery } from "@/lib/schemas/projects";
import { routes } from "@/lib/schemas/routes";
import { queryOf, withRole } from "@/lib/server/http/api";
import { parseInput } from "@/lib/server/infra/validate";
import { getAllMatrices, getMatrix } from "@/lib/server/matrix/matrix";

export const dynamic = "force-dynamic";

// GET /api/v1/matrix.csv[?project=<slug>][&status=][&severity=][&state=] — the matrix as CSV, one row per report;
// without a project, every project's lines side by side, headed "<project> <line>"
export const GET = withRole(routes.matrixCsv, async ({ req, actor }) => {
  const { project, ...filters } = parseInput(matrixQuery, queryOf(req));
  const matrices = project ? [await getMatrix(actor, project, filters)] : await getAllMatrices(actor, filters);
  const columns = matrices.flatMap((m) => m.lines.map((l) => ({ project: m.project, line: l })));
  const header = [
    "key",
    "title",
    ...(project ? [] : ["project"]),
    "status",
    "severity",
    ...columns.map(
      (c) =>
        `${project ? "" : `${c.project} `}${c.line.name} (${c.line.latest ?? "unreleased"}, ${c.line.status.toLowerCase()})`,
    ),
  ];
  const rows = matrices.flatMap((m) =>
    m.rows.map((r) => [
      r.key,
      r.title,
      ...(project ? [] : [m.project]),
      r.status,
      r.severity ?? "",
      ...columns.map((c) => {
        const cell = c.project === m.project ? r.cells[c.line.name] : undefined;
        return cell ? [cell.state, cell.version].filter(Boolean).join(" ") : "";
      }),
    ]),
  );
  const body = toCsv([header, ...rows]);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="matrix-${project ?? "all"}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
