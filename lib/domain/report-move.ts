import { rangesFromEvents } from "./matrix-row";

// Moving a report to another project (PATCH /reports/{key} with `project`),
// as a pure plan. The report's affected ranges for the old project's package
// and its overrides of the old project's lines mean nothing in the new
// project, so they are removed; what was removed is kept in the timeline
// event, so nothing is lost. The SLA policy snapshot taken at receipt stays:
// the promise made to the reporter does not change with the project.

/** A project as a move reads it: who it is, its package, and the ids of its release lines. */
export type MoveProject = { id: string; slug: string; name: string; packageName: string | null; lineIds: string[] };

/** The parts of a report a move touches. */
export type MoveReport = {
  affected: { id: string; package: string; events: unknown }[];
  overrides: { id: string; lineId: string | null; lineName: string }[];
};

export type MoveEventData = {
  from: string | null;
  fromName: string | null;
  to: string | null;
  toName: string | null;
  /** the ranges removed with the old project's package, as OSV-style ranges */
  removedRanges: { package: string; ranges: { introduced: string; fixed?: string; last_affected?: string }[] }[];
  /** the old project's lines whose overrides were removed */
  removedOverrides: string[];
};

export type MovePlan = {
  projectId: string | null;
  removeRangeIds: string[];
  removeOverrideIds: string[];
  event: { kind: "project_changed"; data: MoveEventData };
};

/** The package names a project's ranges are recorded under (its package name, else its slug). */
export function projectPackages(project: Pick<MoveProject, "slug" | "packageName">): string[] {
  return [project.packageName, project.slug].filter((n): n is string => !!n);
}

/** What moving a report from one project (or none) to another (or none) removes and records; null when it stays. */
export function planReportMove(report: MoveReport, from: MoveProject | null, to: MoveProject | null): MovePlan | null {
  if ((from?.id ?? null) === (to?.id ?? null)) return null;
  const oldPackages = from ? projectPackages(from) : [];
  const newPackages = to ? projectPackages(to) : [];
  // a range recorded under the new project's package stays, even if the old one shared the name
  const ranges = report.affected.filter((a) => oldPackages.includes(a.package) && !newPackages.includes(a.package));
  const oldLines = new Set(from?.lineIds ?? []);
  const overrides = report.overrides.filter((o) => o.lineId !== null && oldLines.has(o.lineId));
  const removedRanges: MoveEventData["removedRanges"] = [];
  for (const r of ranges) {
    const entry = removedRanges.find((x) => x.package === r.package);
    if (entry) entry.ranges.push(...rangesFromEvents(r.events));
    else removedRanges.push({ package: r.package, ranges: rangesFromEvents(r.events) });
  }
  return {
    projectId: to?.id ?? null,
    removeRangeIds: ranges.map((r) => r.id),
    removeOverrideIds: overrides.map((o) => o.id),
    event: {
      kind: "project_changed",
      data: {
        from: from?.slug ?? null,
        fromName: from?.name ?? null,
        to: to?.slug ?? null,
        toName: to?.name ?? null,
        removedRanges,
        removedOverrides: overrides.map((o) => o.lineName),
      },
    },
  };
}

/** The timeline's words for a move: "moved from Express to body-parser". */
export function moveText(data: { fromName?: unknown; toName?: unknown; from?: unknown; to?: unknown }): string {
  const name = (n: unknown, slug: unknown) =>
    typeof n === "string" && n ? n : typeof slug === "string" && slug ? slug : null;
  const from = name(data.fromName, data.from) ?? "Unsorted";
  const to = name(data.toName, data.to) ?? "Unsorted";
  return `moved from ${from} to ${to}`;
}
