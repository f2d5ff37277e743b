import type { AffectedRange, Cell, CellState, Line } from "@/lib/domain/matrix";
import { computeCell, lineInForce } from "@/lib/domain/matrix";

// A report's row of the matrix: its stored OSV events read as ranges, the
// ranges that apply to a project, and the cells on the project's lines.
// Override states are the lower-case cell states; the server converts the
// database enum before calling in.

const LINE_ORDER = { MAINTAINED: 0, PRERELEASE: 1, EOL: 2 } as const;

export type MatrixReport = {
  affected: { package: string; events: unknown }[];
  overrides: {
    lineId: string | null;
    state: CellState | null;
    fixedVersion: string | null;
    fixRef: string | null;
    note: string | null;
  }[];
};
export type MatrixProject = { slug: string; packageName: string | null; lines: (Line & { id: string })[] };

/** OSV events (introduced, then fixed or last_affected) as ranges; anything else is skipped. */
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

/** The report's ranges that apply to a project: those for its package (or, with one package only, that one). */
export function rangesFor(report: MatrixReport, project: Pick<MatrixProject, "slug" | "packageName">): AffectedRange[] {
  const names = [project.packageName, project.slug].filter(Boolean);
  const own = report.affected.filter((a) => names.includes(a.package));
  const chosen = own.length ? own : new Set(report.affected.map((a) => a.package)).size === 1 ? report.affected : [];
  return chosen.flatMap((a) => rangesFromEvents(a.events));
}

export function cellsFor(report: MatrixReport, project: MatrixProject): Record<string, Cell> {
  const ranges = rangesFor(report, project);
  const cells: Record<string, Cell> = {};
  for (const line of project.lines) {
    const o = report.overrides.find((x) => x.lineId === line.id);
    cells[line.name] = computeCell(
      line,
      ranges,
      o ? { state: o.state, fixedVersion: o.fixedVersion, fixRef: o.fixRef, note: o.note } : null,
    );
  }
  return cells;
}

export function sortLines<T extends Line>(lines: T[]): T[] {
  return [...lines].sort((a, b) => LINE_ORDER[a.status] - LINE_ORDER[b.status]);
}

/** A project's lines as they count today (past their EOL date = end of life), in display order. */
export function linesInForce<T extends Line>(lines: T[], now = new Date()): T[] {
  return sortLines(lines.map((l) => lineInForce(l, now)));
}

/** A report's cells on its project's lines as they count today, in display order. */
export function rowCells(report: MatrixReport, project: MatrixProject, now = new Date()) {
  const lines = linesInForce(project.lines, now);
  const cells = cellsFor(report, { ...project, lines });
  return lines.map((l) => ({ line: l.name, range: l.range, status: l.status, latest: l.latest, ...cells[l.name]! }));
}

/** The lines a report leaves open in released versions (affected, or fixed in a release not out yet): a card's line tags. */
export function vulnerableLines(
  report: MatrixReport,
  project: MatrixProject,
  now = new Date(),
): { line: string; state: "affected" | "fix_pending" }[] {
  return rowCells(report, project, now).flatMap((c) =>
    c.state === "affected" || c.state === "fix_pending" ? [{ line: c.line, state: c.state }] : [],
  );
}
