import { describe, expect, it } from "vitest";

import type { AffectedRange, Line } from "./matrix";
import type { MatrixProject, MatrixReport } from "./matrix-row";
import {
  cellsFor,
  eventsFromRanges,
  linesInForce,
  rangesFor,
  rangesFromEvents,
  rowCells,
  sortLines,
  vulnerableLines,
} from "./matrix-row";

const NOW = new Date("2026-11-24T12:00:00Z");

const line = (
  name: string,
  range: string,
  latest: string | null,
  status: Line["status"] = "MAINTAINED",
  eolDate: Date | null = null,
) => ({ id: `id-${name}`, name, range, latest, status, eolDate });

const L3 = line("3.x", ">=3.0.0 <4.0.0-0", "3.21.2", "EOL");
const L4 = line("4.x", ">=4.0.0 <5.0.0-0", "4.21.2");
const L5 = line("5.x", ">=5.0.0 <6.0.0-0", "5.1.0");
const L6 = line("6.x", ">=6.0.0-0 <7.0.0-0", "6.0.0-beta.1", "PRERELEASE");
const EXPRESS: MatrixProject = { slug: "express", packageName: "express", lines: [L3, L4, L5, L6] };

const report = (affected: MatrixReport["affected"], overrides: MatrixReport["overrides"] = []): MatrixReport => ({
  affected,
  overrides,
});

describe("OSV events and ranges", () => {
  it.each<[string, unknown, AffectedRange[]]>([
    ["not a list", null, []],
    ["an empty list", [], []],
    ["introduced only", [{ introduced: "0" }], [{ introduced: "0" }]],
    [
      "introduced then fixed",
      [{ introduced: "4.0.0" }, { fixed: "4.21.3" }],
      [{ introduced: "4.0.0", fixed: "4.21.3" }],
    ],
    [
      "introduced then last_affected",
      [{ introduced: "5.0.0" }, { last_affected: "5.1.0" }],
      [{ introduced: "5.0.0", last_affected: "5.1.0" }],
    ],
    [
      "two ranges",
      [{ introduced: "3.0.0" }, { fixed: "3.22.0" }, { introduced: "4.0.0" }, { fixed: "4.21.3" }],
      [
        { introduced: "3.0.0", fixed: "3.22.0" },
        { introduced: "4.0.0", fixed: "4.21.3" },
      ],
    ],
    [
      "a fixed before any introduced is skipped",
      [{ fixed: "1.0.0" }, { introduced: "2.0.0" }],
      [{ introduced: "2.0.0" }],
    ],
  ])("%s", (_name, events, ranges) => {
    expect(rangesFromEvents(events)).toEqual(ranges);
  });

  it.each<[string, AffectedRange[]]>([
    ["no ranges", []],
    ["open-ended", [{ introduced: "0" }]],
    ["fixed", [{ introduced: "4.0.0", fixed: "4.21.3" }]],
    ["last affected", [{ introduced: "5.0.0", last_affected: "5.1.0" }]],
    ["several", [{ introduced: "3.0.0", fixed: "3.22.0" }, { introduced: "4.0.0" }]],
  ])("round trips %s through events", (_name, ranges) => {
    expect(rangesFromEvents(eventsFromRanges(ranges))).toEqual(ranges);
  });

  it("writes a fixed version in preference to last_affected", () => {
    expect(eventsFromRanges([{ introduced: "1.0.0", fixed: "1.2.0", last_affected: "1.1.0" }])).toEqual([
      { introduced: "1.0.0" },
      { fixed: "1.2.0" },
    ]);
  });
});

describe("the ranges that apply to a project", () => {
  const express = { package: "express", events: [{ introduced: "4.0.0" }, { fixed: "4.21.3" }] };
  const other = { package: "body-parser", events: [{ introduced: "0" }] };
  it.each<[string, MatrixReport["affected"], { slug: string; packageName: string | null }, AffectedRange[]]>([
    ["the project's package", [express, other], EXPRESS, [{ introduced: "4.0.0", fixed: "4.21.3" }]],
    [
      "by slug when the project has no package name",
      [express, other],
      { slug: "express", packageName: null },
      [{ introduced: "4.0.0", fixed: "4.21.3" }],
    ],
    ["the only package, whatever its name", [other], EXPRESS, [{ introduced: "0" }]],
    ["the only package, over several entries", [other, other], EXPRESS, [{ introduced: "0" }, { introduced: "0" }]],
    ["none of several other packages", [other, { ...other, package: "qs" }], EXPRESS, []],
    ["no ranges at all", [], EXPRESS, []],
  ])("%s", (_name, affected, project, ranges) => {
    expect(rangesFor(report(affected), project)).toEqual(ranges);
  });
});

describe("the matrix row cells", () => {
  const fixedIn4 = report([{ package: "express", events: [{ introduced: "4.0.0" }, { fixed: "4.21.3" }] }]);
  const summary = (r: MatrixReport, project = EXPRESS) =>
    rowCells(r, project, NOW).map((c) => (c.version ? `${c.line} ${c.state} ${c.version}` : `${c.line} ${c.state}`));

  it.each<[string, MatrixReport, string[]]>([
    ["no ranges: every line unknown", report([]), ["4.x unknown", "5.x unknown", "6.x unknown", "3.x unknown"]],
    [
      "a fix in a release not out yet",
      fixedIn4,
      ["4.x fix_pending 4.21.3", "5.x not_affected", "6.x not_affected", "3.x not_affected"],
    ],
    [
      "affected everywhere: an end-of-life line gets no fix",
      report([{ package: "express", events: [{ introduced: "0" }] }]),
      ["4.x affected", "5.x affected", "6.x affected", "3.x wont_fix"],
    ],
    [
      "an override wins over the ranges",
      report(fixedIn4.affected, [{ lineId: L4.id, state: "wont_fix", fixedVersion: null, fixRef: null, note: "no" }]),
      ["4.x wont_fix", "5.x not_affected", "6.x not_affected", "3.x not_affected"],
    ],
  ])("%s", (_name, r, cells) => {
    expect(summary(r)).toEqual(cells);
  });

  it("shows each line's range, status and latest release beside its cell", () => {
    expect(rowCells(report([]), EXPRESS, NOW)[0]).toMatchObject({
      line: "4.x",
      range: ">=4.0.0 <5.0.0-0",
      status: "MAINTAINED",
      latest: "4.21.2",
      overridden: false,
    });
  });

  it("counts a maintained line past its end-of-life date as end of life, last", () => {
    const ended = { ...EXPRESS, lines: [L3, { ...L4, eolDate: new Date("2026-01-01T00:00:00Z") }, L5] };
    expect(rowCells(report([]), ended, NOW).map((c) => `${c.line} ${c.status}`)).toEqual([
      "5.x MAINTAINED",
      "3.x EOL",
      "4.x EOL",
    ]);
  });

  it("keys cells by line name, on the lines given (in their order)", () => {
    expect(Object.keys(cellsFor(fixedIn4, EXPRESS))).toEqual(["3.x", "4.x", "5.x", "6.x"]);
    expect(cellsFor(fixedIn4, EXPRESS)["4.x"]).toMatchObject({ state: "fix_pending", version: "4.21.3" });
  });

  it.each<[string, MatrixReport, { line: string; state: string }[]]>([
    ["nothing open without ranges", report([]), []],
    ["a pending fix is still open", fixedIn4, [{ line: "4.x", state: "fix_pending" }]],
    [
      "affected lines, in display order",
      report([{ package: "express", events: [{ introduced: "5.0.0" }] }]),
      [
        { line: "5.x", state: "affected" },
        { line: "6.x", state: "affected" },
      ],
    ],
    [
      "an override to fixed closes a line",
      report(fixedIn4.affected, [{ lineId: L4.id, state: "fixed", fixedVersion: "4.21.2", fixRef: null, note: null }]),
      [],
    ],
  ])("vulnerable lines: %s", (_name, r, lines) => {
    expect(vulnerableLines(r, EXPRESS, NOW)).toEqual(lines);
  });
});

describe("line order", () => {
  it("puts maintained lines first, then pre-releases, then end of life, keeping order within each", () => {
    expect(sortLines([L3, L6, L4, L5]).map((l) => l.name)).toEqual(["4.x", "5.x", "6.x", "3.x"]);
  });

  it.each<[string, Date | null, Line["status"]]>([
    ["no end-of-life date", null, "MAINTAINED"],
    ["an end-of-life date to come", new Date("2027-01-01T00:00:00Z"), "MAINTAINED"],
    ["an end-of-life date passed", new Date("2026-11-01T00:00:00Z"), "EOL"],
    ["an end-of-life date of exactly now", NOW, "EOL"],
  ])("a maintained line with %s counts as %s", (_name, eolDate, status) => {
    expect(linesInForce([{ ...L4, eolDate }], NOW)[0]!.status).toBe(status);
  });
});
