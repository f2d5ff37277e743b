import { describe, expect, it } from "vitest";

import type { MoveProject, MoveReport } from "./report-move";
import { moveText, planReportMove } from "./report-move";

const express: MoveProject = {
  id: "p-express",
  slug: "express",
  name: "Express",
  packageName: "express",
  lineIds: ["l-4", "l-5"],
};
const bodyParser: MoveProject = {
  id: "p-bp",
  slug: "body-parser",
  name: "body-parser",
  packageName: "body-parser",
  lineIds: ["l-bp1"],
};
const site: MoveProject = { id: "p-site", slug: "site", name: "Website", packageName: null, lineIds: [] };

const report: MoveReport = {
  affected: [
    { id: "a-1", package: "express", events: [{ introduced: "4.0.0" }, { fixed: "4.19.2" }] },
    { id: "a-2", package: "express", events: [{ introduced: "5.0.0" }, { last_affected: "5.0.1" }] },
    { id: "a-3", package: "body-parser", events: [{ introduced: "0" }, { fixed: "1.20.3" }] },
  ],
  overrides: [
    { id: "o-1", lineId: "l-4", lineName: "4.x" },
    { id: "o-2", lineId: "l-bp1", lineName: "1.x" },
    { id: "o-3", lineId: null, lineName: "3.x" },
  ],
};

describe("planReportMove", () => {
  it("stays put when the project is the same", () => {
    expect(planReportMove(report, express, express)).toBeNull();
    expect(planReportMove(report, null, null)).toBeNull();
  });

  it.each<[string, MoveProject | null, MoveProject | null, string[], string[], string | null, string | null]>([
    ["Unsorted → express removes nothing", null, express, [], [], null, "express"],
    [
      "express → body-parser removes express's ranges and line overrides",
      express,
      bodyParser,
      ["a-1", "a-2"],
      ["o-1"],
      "express",
      "body-parser",
    ],
    ["body-parser → Unsorted", bodyParser, null, ["a-3"], ["o-2"], "body-parser", null],
    ["site (no package: its slug) → express", site, express, [], [], "site", "express"],
  ])("%s", (_name, from, to, ranges, overrides, fromSlug, toSlug) => {
    const plan = planReportMove(report, from, to)!;
    expect(plan.projectId).toBe(to?.id ?? null);
    expect(plan.removeRangeIds).toEqual(ranges);
    expect(plan.removeOverrideIds).toEqual(overrides);
    expect(plan.event.kind).toBe("project_changed");
    expect(plan.event.data.from).toBe(fromSlug);
    expect(plan.event.data.to).toBe(toSlug);
  });

  it("keeps what it removed in the event, as ranges", () => {
    const plan = planReportMove(report, express, bodyParser)!;
    expect(plan.event.data).toEqual({
      from: "express",
      fromName: "Express",
      to: "body-parser",
      toName: "body-parser",
      removedRanges: [
        {
          package: "express",
          ranges: [
            { introduced: "4.0.0", fixed: "4.19.2" },
            { introduced: "5.0.0", last_affected: "5.0.1" },
          ],
        },
      ],
      removedOverrides: ["4.x"],
    });
  });

  it("keeps ranges recorded under the new project's package", () => {
    const shared = { ...site, slug: "express-site", packageName: "express" };
    expect(planReportMove(report, express, { ...shared, id: "p-other" })!.removeRangeIds).toEqual([]);
  });
});

describe("moveText", () => {
  it.each<[Record<string, unknown>, string]>([
    [
      { from: "express", fromName: "Express", to: "body-parser", toName: "body-parser" },
      "moved from Express to body-parser",
    ],
    [{ from: null, to: "express", toName: "Express" }, "moved from Unsorted to Express"],
    [{ from: "express", to: null }, "moved from express to Unsorted"],
  ])("%j", (data, text) => {
    expect(moveText(data)).toBe(text);
  });
});
