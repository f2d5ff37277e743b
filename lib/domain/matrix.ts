import semver from "semver";

// The version matrix: for each (report, release line), is the line affected,
// fixed (and is the fix released), or not affected — computed from the
// report's OSV-style ranges, with semver's pre-release ordering, and
// overridable by a handler.

export type LineStatus = "MAINTAINED" | "PRERELEASE" | "EOL";
export type Line = { name: string; range: string; latest: string | null; status: LineStatus; eolDate?: Date | null };
/** One OSV range: affected from `introduced` ("0" = the first version) until `fixed` (exclusive) or `last_affected` (inclusive). */
export type AffectedRange = { introduced: string; fixed?: string; last_affected?: string };
export const CELL_STATES = ["affected", "fix_pending", "unknown", "fixed", "wont_fix", "not_affected"] as const;
export type CellState = (typeof CELL_STATES)[number];
export type Override = {
  state?: CellState | null;
  fixedVersion?: string | null;
  fixRef?: string | null;
  note?: string | null;
};
export type Cell = {
  state: CellState;
  version: string | null;
  overridden: boolean;
  fixRef: string | null;
  note: string | null;
};

/**
 * The line as the matrix and the release gate see it on a day: a maintained
 * line whose end-of-life date has come counts as end of life (its fixes are no
 * longer promised), whatever its stored status still says.
 */
export function lineInForce<T extends Line>(line: T, now: Date): T {
  return line.status === "MAINTAINED" && line.eolDate && line.eolDate.getTime() <= now.getTime()
    ? { ...line, status: "EOL" }
    : line;
}

const OPTS = { includePrerelease: true, loose: false } as const;

/** The semver range a single OSV range covers. */
export function rangeOf(r: AffectedRange): string {
  const from = r.introduced === "0" ? ">=0.0.0-0" : `>=${r.introduced}`;
  if (r.fixed) return `${from} <${r.fixed}`;
  if (r.last_affected) return `${from} <=${r.last_affected}`;
  return from;
}

// Parsed ranges, by their text: a matrix asks the same few ranges the same questions thousands of times,
// and parsing is most of semver's cost. Bounded; cleared whole when full.
// A range semver cannot read (an imported advisory's version from another scheme) matches nothing.
const parsed = new Map<string, semver.Range | null>();
function range(text: string): semver.Range | null {
  let r = parsed.get(text);
  if (r === undefined) {
    if (parsed.size >= 10_000) parsed.clear();
    r = semver.validRange(text, OPTS) ? new semver.Range(text, OPTS) : null;
    parsed.set(text, r);
  }
  return r;
}

export function isAffected(version: string, ranges: AffectedRange[]): boolean {
  return ranges.some((r) => {
    const parsedRange = range(rangeOf(r));
    return !!parsedRange && semver.satisfies(version, parsedRange, OPTS);
  });
}

/** Checks an OSV range: versions parse, and introduced comes before fixed / last_affected. */
export function validateRange(r: AffectedRange): string | null {
  if (r.introduced !== "0" && !semver.valid(r.introduced)) return `"${r.introduced}" is not a version`;
  if (r.fixed && r.last_affected) return "A range has either fixed or last_affected, not both";
  const end = r.fixed ?? r.last_affected;
  if (end !== undefined) {
    if (!semver.valid(end)) return `"${end}" is not a version`;
    if (r.introduced !== "0" && (r.fixed ? semver.gte(r.introduced, end) : semver.gt(r.introduced, end)))
      return `${r.introduced} does not come before ${end}`;
  }
  return null;
}

export function validateLine(
  line: Pick<Line, "range" | "latest">,
): { field: "range" | "latest"; message: string } | null {
  if (!semver.validRange(line.range, OPTS)) return { field: "range", message: `"${line.range}" is not a semver range` };
  if (line.latest !== null) {
    if (!semver.valid(line.latest)) return { field: "latest", message: `"${line.latest}" is not a version` };
    if (!semver.satisfies(line.latest, line.range, OPTS))
      return { field: "latest", message: `${line.latest} is not in ${line.range}` };
  }
  return null;
}

export function linesOverlap(a: string, b: string): boolean {
  return semver.intersects(a, b, OPTS);
}

function computed(line: Line, ranges: AffectedRange[]): { state: CellState; version: string | null } {
  if (!ranges.length) return { state: "unknown", version: null };
  const lineRange = range(line.range);
  if (!lineRange) return { state: "unknown", version: null };
  // only versions the line has released can be affected (nothing above its latest exists yet): each part of
  // the line's range, capped at the latest
  const releasedRange = line.latest
    ? range(
        lineRange.set.map((part) => [...part.map((c) => c.value), `<=${line.latest}`].join(" ").trim()).join(" || "),
      )
    : lineRange;
  if (!releasedRange) return { state: "unknown", version: null };
  if (!ranges.some((r) => range(rangeOf(r))?.intersects(releasedRange, OPTS))) {
    // a range semver cannot read might have said otherwise
    return ranges.some((r) => !range(rangeOf(r)))
      ? { state: "unknown", version: null }
      : { state: "not_affected", version: null };
  }
  const fixes = ranges
    .map((r) => r.fixed)
    .filter((f): f is string => !!f && !!semver.valid(f) && semver.satisfies(f, lineRange, OPTS))
    .sort(semver.compare);
  const notFixed: CellState = line.status === "EOL" ? "wont_fix" : "affected";
  if (!line.latest) {
    // nothing released on the line yet
    return fixes.length
      ? { state: "fix_pending", version: fixes[fixes.length - 1]! }
      : { state: notFixed, version: null };
  }
  if (isAffected(line.latest, ranges)) {
    const above = fixes.find((f) => semver.gt(f, line.latest!));
    return above ? { state: "fix_pending", version: above } : { state: notFixed, version: null };
  }
  const shipped = fixes.filter((f) => semver.lte(f, line.latest!));
  if (shipped.length) return { state: "fixed", version: shipped[shipped.length - 1]! };
  if (fixes.length) return { state: "fix_pending", version: fixes[0]! };
  // affected only below the latest, ending at a last_affected: later versions are fine
  return { state: "fixed", version: null };
}

export function computeCell(line: Line, ranges: AffectedRange[], override?: Override | null): Cell {
  const base = computed(line, ranges);
  if (!override) return { ...base, overridden: false, fixRef: null, note: null };
  // a fixed version entered with the state left to the computation says the line is fixed there
  const state = override.state ?? (override.fixedVersion ? "fixed" : base.state);
  let version = override.fixedVersion ?? base.version;
  let finalState = state;
  // an overridden fixed version is released when the line's latest has reached it
  if (override.fixedVersion && (state === "fixed" || state === "fix_pending") && semver.valid(override.fixedVersion)) {
    finalState = line.latest && semver.gte(line.latest, override.fixedVersion, OPTS) ? "fixed" : "fix_pending";
  }
  // only a fixed line has a fixed version: one kept on a cell now marked otherwise is not shown
  if (state === "not_affected" || state === "affected" || state === "wont_fix" || state === "unknown") version = null;
  return {
    state: finalState,
    version,
    overridden: !!override.state || !!override.fixedVersion,
    fixRef: override.fixRef ?? null,
    note: override.note ?? null,
  };
}

/** The release gate: which maintained lines keep a report from Release pending, and from Disclosed. */
export function releaseGate(
  lines: Line[],
  cells: Record<string, Cell>,
): { linesNotReady: string[]; linesNotReleased: string[] } {
  const maintained = lines.filter((l) => l.status === "MAINTAINED");
  const linesNotReady = maintained
    .filter((l) => {
      const c = cells[l.name];
      if (!c) return true;
      if (c.state === "wont_fix") return !(c.overridden && c.note);
      return c.state === "affected" || c.state === "unknown";
    })
    .map((l) => l.name);
  const linesNotReleased = maintained
    .filter((l) => cells[l.name]?.state === "fix_pending")
    .map((l) => `${l.name} (${cells[l.name]!.version} not released)`);
  return { linesNotReady, linesNotReleased };
}
