import "server-only";

import type { AffectedRange, Cell, Line } from "@/lib/domain/matrix";
import { computeCell, lineInForce, releaseGate } from "@/lib/domain/matrix";
import { isReportKey } from "@/lib/domain/report-key";
import { OPEN_STATUSES } from "@/lib/domain/workflow";
import { DomainError } from "@/lib/errors";
import type { MatrixState } from "@/lib/generated/prisma/client";
import type { MatrixDto, MatrixQuery } from "@/lib/schemas/projects";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";

// The matrix as stored data meets lib/domain/matrix: a report's ranges for
// its project's package, its overrides, and the project's release lines.

const LINE_ORDER = { MAINTAINED: 0, PRERELEASE: 1, EOL: 2 } as const;

export function rangesFromEvents(events: unknown): AffectedRange[] {
  const list = Array.isArray(events) ? (events as Record<string, string>[]) : [];
  const ranges: AffectedRange[] = [];
  for (const ev of list) {
    if (ev.introduced !== undefined) ranges.push({ introduced: ev.introduced });
    else if (ranges.length && ev.fixed !== undefined) ranges[ranges.length - 1]!.fixed = ev.fixed;
    else if (ranges.length && ev.last_affected !== undefined)
      ranges[ranges.length - 1]!.last_affected = ev.last_affected;
  }
  return ranges;
}

export function eventsFromRanges(ranges: AffectedRange[]): Record<string, string>[] {
  const events: Record<string, string>[] = [];
  for (const r of ranges) {
    events.push({ introduced: r.introduced });
    if (r.fixed) events.push({ fixed: r.fixed });
    else if (r.last_affected) events.push({ last_affected: r.last_affected });
  }
  return events;
}

const toDb = (s: string) => s.toUpperCase() as MatrixState;
const fromDb = (s: MatrixState | null) => (s ? (s.toLowerCase() as Cell["state"]) : null);

type ReportForMatrix = {
  affected: { package: string; events: unknown }[];
  overrides: {
    lineId: string | null;
    lineName: string;
    state: MatrixState | null;
    fixedVersion: string | null;
    fixRef: string | null;
    note: string | null;
  }[];
};
type ProjectForMatrix = { slug: string; packageName: string | null; lines: (Line & { id: string })[] };

/** The report's ranges that apply to a project: those for its package (or, with one package only, that one). */
export function rangesFor(
  report: ReportForMatrix,
  project: Pick<ProjectForMatrix, "slug" | "packageName">,
): AffectedRange[] {
  const names = [project.packageName, project.slug].filter(Boolean);
  const own = report.affected.filter((a) => names.includes(a.package));
  const chosen = own.length ? own : new Set(report.affected.map((a) => a.package)).size === 1 ? report.affected : [];
  return chosen.flatMap((a) => rangesFromEvents(a.events));
}

export function cellsFor(report: ReportForMatrix, project: ProjectForMatrix): Record<string, Cell> {
  const ranges = rangesFor(report, project);
  const cells: Record<string, Cell> = {};
  for (const line of project.lines) {
    const o = report.overrides.find((x) => x.lineId === line.id);
    cells[line.name] = computeCell(
      line,
      ranges,
      o ? { state: fromDb(o.state), fixedVersion: o.fixedVersion, fixRef: o.fixRef, note: o.note } : null,
    );
  }
  return cells;
}

/** A report's cells on its project's lines as they count today, in display order. */
export function rowCells(report: ReportForMatrix, project: ProjectForMatrix) {
  const lines = linesInForce(project.lines);
  const cells = cellsFor(report, { ...project, lines });
  return lines.map((l) => ({ line: l.name, range: l.range, status: l.status, latest: l.latest, ...cells[l.name]! }));
}

/** The lines a report leaves open in released versions (affected, or fixed in a release not out yet): a card's line tags. */
export function vulnerableLines(
  report: ReportForMatrix,
  project: ProjectForMatrix,
): { line: string; state: "affected" | "fix_pending" }[] {
  return rowCells(report, project).flatMap((c) =>
    c.state === "affected" || c.state === "fix_pending" ? [{ line: c.line, state: c.state }] : [],
  );
}

export const matrixInclude = {
  affected: { orderBy: { position: "asc" as const }, select: { package: true, events: true } },
  overrides: { select: { lineId: true, lineName: true, state: true, fixedVersion: true, fixRef: true, note: true } },
};

export const projectLinesInclude = { lines: { orderBy: [{ position: "asc" as const }, { name: "asc" as const }] } };

export function sortLines<T extends Line>(lines: T[]): T[] {
  return [...lines].sort((a, b) => LINE_ORDER[a.status] - LINE_ORDER[b.status]);
}

/** A project's lines as they count today (past their EOL date = end of life), in display order. */
export function linesInForce<T extends Line>(lines: T[], now = new Date()): T[] {
  return sortLines(lines.map((l) => lineInForce(l, now)));
}

/** The gate facts for a report inside a transaction (no project or no lines: nothing blocks). */
export async function gateFacts(tx: Tx, reportId: string, projectId: string | null) {
  if (!projectId) return { linesNotReady: [], linesNotReleased: [] };
  const [project, report] = await Promise.all([
    tx.project.findUniqueOrThrow({ where: { id: projectId }, include: projectLinesInclude }),
    tx.report.findUniqueOrThrow({ where: { id: reportId }, include: matrixInclude }),
  ]);
  const lines = linesInForce(project.lines);
  return releaseGate(lines, cellsFor(report, { ...project, lines }));
}

export type MatrixFilters = Omit<MatrixQuery, "project">;

/** At most this many reports in one matrix read (open reports number in the tens; a closed-status filter may not). */
export const MATRIX_REPORT_LIMIT = 2000;

/** Release lines × reports (open ones unless a status is named) of the given projects, one matrix each. */
async function buildMatrices(
  projects: (ProjectForMatrix & { id: string; name: string })[],
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
        const cells = cellsFor(r, { ...project, lines });
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
  if (!project) throw new DomainError("not_found", `No project "${slug}".`);
  return (await buildMatrices([project], filters))[0]!;
}

/** Every project's matrix, by project name (the matrix page's "All projects"). */
export async function getAllMatrices(
  actor: Actor | null,
  filters: MatrixFilters = {},
): Promise<(MatrixDto & { name: string })[]> {
  authorize(actor, "reports.read");
  const projects = await db().project.findMany({ orderBy: { name: "asc" }, include: projectLinesInclude });
  return buildMatrices(projects, filters);
}

/** The matrix row of one report (empty without a project). */
export async function matrixRow(reportKey: string) {
  if (!isReportKey(reportKey)) return [];
  const report = await db().report.findUnique({
    where: { key: reportKey },
    include: { ...matrixInclude, project: { include: projectLinesInclude } },
  });
  return report?.project ? rowCells(report, report.project) : [];
}

export { toDb as matrixStateToDb };
