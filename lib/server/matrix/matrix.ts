import "server-only";

import type { CellState } from "@/lib/domain/matrix";
import { releaseGate } from "@/lib/domain/matrix";
import type { MatrixProject, MatrixReport } from "@/lib/domain/matrix-row";
import { cellsFor, linesInForce, rowCells } from "@/lib/domain/matrix-row";
import { isReportKey } from "@/lib/domain/report-key";
import { OPEN_STATUSES } from "@/lib/domain/workflow";
import type { MatrixState } from "@/lib/generated/prisma/client";
import type { MatrixDto, MatrixQuery } from "@/lib/schemas/projects";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { projectNotFound } from "@/lib/server/projects/project-not-found";

// The matrix as stored data meets lib/domain/matrix: a report's ranges for
// its project's package, its overrides, and the project's release lines.

const toDb = (s: string) => s.toUpperCase() as MatrixState;
const fromDb = (s: MatrixState | null) => (s ? (s.toLowerCase() as CellState) : null);

type StoredOverride = {
  lineId: string | null;
  state: MatrixState | null;
  fixedVersion: string | null;
  fixRef: string | null;
  note: string | null;
};

/** A stored report in the matrix's terms: the database's override states as lower-case cell states. */
export function matrixReport<R extends { affected: MatrixReport["affected"]; overrides: StoredOverride[] }>(
  report: R,
): Omit<R, "overrides"> & MatrixReport {
  return { ...report, overrides: report.overrides.map((o) => ({ ...o, state: fromDb(o.state) })) };
}

export const matrixInclude = {
  affected: { orderBy: { position: "asc" as const }, select: { package: true, events: true } },
  overrides: { select: { lineId: true, lineName: true, state: true, fixedVersion: true, fixRef: true, note: true } },
};

export const projectLinesInclude = { lines: { orderBy: [{ position: "asc" as const }, { name: "asc" as const }] } };

/** The gate facts for a report inside a transaction (no project or no lines: nothing blocks). */
export async function gateFacts(tx: Tx, reportId: string, projectId: string | null) {
  if (!projectId) return { linesNotReady: [], linesNotReleased: [] };
  const [project, report] = await Promise.all([
    tx.project.findUniqueOrThrow({ where: { id: projectId }, include: projectLinesInclude }),
    tx.report.findUniqueOrThrow({ where: { id: reportId }, include: matrixInclude }),
  ]);
  const lines = linesInForce(project.lines);
  return releaseGate(lines, cellsFor(matrixReport(report), { ...project, lines }));
}

export type MatrixFilters = Omit<MatrixQuery, "project">;

/** At most this many reports in one matrix read (open reports number in the tens; a closed-status filter may not). */
export const MATRIX_REPORT_LIMIT = 2000;

/** Release lines × reports (open ones unless a status is named) of the given projects, one matrix each. */
async function buildMatrices(
  projects: (MatrixProject & { id: string; name: string })[],
  filters: MatrixFilters,
): Promise<(MatrixDto & { name: string })[]> {
  const reports = projects.length
    ? await db().report.findMany({
        where: {
          projectId: { in: projects.map((p) => p.id) },
          status: { in: filters.status?.length ? filters.status : [...OPEN_STATUSES] },
          ...(filters.severity?.length ? { severity: { in: filters.severity } } : {}),
        },
        orderBy: [{ receivedAt: "asc" }],
        // the columns a row shows, not the whole report (its body is most of a row's weight)
        select: { key: true, title: true, status: true, severity: true, projectId: true, ...matrixInclude },
        take: MATRIX_REPORT_LIMIT + 1,
      })
    : [];
  const truncated = reports.length > MATRIX_REPORT_LIMIT;
  const byProject = new Map<string | null, typeof reports>();
  for (const r of reports.slice(0, MATRIX_REPORT_LIMIT)) {
    const list = byProject.get(r.projectId);
    if (list) list.push(r);
    else byProject.set(r.projectId, [r]);
  }
  const states = filters.state?.length ? new Set<string>(filters.state) : null;
  return projects.map((project) => {
    const lines = linesInForce(project.lines);
    const rows = (byProject.get(project.id) ?? [])
      .map((r) => {
        const cells = cellsFor(matrixReport(r), { ...project, lines });
        return {
          key: r.key,
          title: r.title,
          status: r.status,
          severity: r.severity,
          cells: Object.fromEntries(
            Object.entries(cells).map(([name, c]) => [
              name,
              { state: c.state, version: c.version, overridden: c.overridden },
            ]),
          ),
        };
      })
      .filter((row) => !states || Object.values(row.cells).some((c) => states.has(c.state)));
    return {
      project: project.slug,
      name: project.name,
      lines: lines.map((l) => ({
        name: l.name,
        range: l.range,
        latest: l.latest,
        status: l.status,
        eolDate: l.eolDate ? l.eolDate.toISOString().slice(0, 10) : null,
      })),
      rows,
      truncated,
    };
  });
}

/** GET /api/v1/matrix?project= — release lines × open reports of one project. */
export async function getMatrix(
  actor: Actor | null,
  slug: string,
  filters: MatrixFilters = {},
): Promise<MatrixDto & { name: string }> {
  authorize(actor, "reports.read");
  const project = await db().project.findUnique({ where: { slug }, include: projectLinesInclude });
  if (!project) throw projectNotFound(slug);
  return (await buildMatrices([project], filters))[0]!;
}

/** Every project's matrix but archived ones', by project name (the matrix page's "All projects"). */
export async function getAllMatrices(
  actor: Actor | null,
  filters: MatrixFilters = {},
): Promise<(MatrixDto & { name: string })[]> {
  authorize(actor, "reports.read");
  const projects = await db().project.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
    include: projectLinesInclude,
  });
  return buildMatrices(projects, filters);
}

/** How many open reports have no project, and so are in no matrix (the matrix page links to them). */
export async function countUnsortedOpen(actor: Actor | null): Promise<number> {
  authorize(actor, "reports.read");
  return db().report.count({ where: { projectId: null, status: { in: [...OPEN_STATUSES] } } });
}

/** The matrix row of one report (empty without a project). */
export async function matrixRow(reportKey: string) {
  if (!isReportKey(reportKey)) return [];
  const report = await db().report.findUnique({
    where: { key: reportKey },
    include: { ...matrixInclude, project: { include: projectLinesInclude } },
  });
  return report?.project ? rowCells(matrixReport(report), report.project) : [];
}

export { toDb as matrixStateToDb };
