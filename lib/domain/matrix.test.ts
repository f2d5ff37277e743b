import { describe, expect, it } from "vitest";

import type { AffectedRange, Line } from "./matrix";
import { computeCell, lineInForce, linesOverlap, releaseGate, validateLine, validateRange } from "./matrix";

const line = (name: string, range: string, latest: string | null, status: Line["status"] = "MAINTAINED"): Line => ({
  name,
  range,
  latest,
  status,
});

// Express-like lines
const L3 = line("3.x", ">=3.0.0 <4.0.0-0", "3.21.2", "EOL");
const L4 = line("4.x", ">=4.0.0 <5.0.0-0", "4.21.2");
const L5 = line("5.x", ">=5.0.0 <6.0.0-0", "5.1.0");
const L6 = line("6.x", ">=6.0.0-0 <7.0.0-0", "6.0.0-beta.1", "PRERELEASE");
const LINES = [L3, L4, L5, L6];

const cells = (ranges: AffectedRange[]) => Object.fromEntries(LINES.map((l) => [l.name, computeCell(l, ranges)]));
const states = (ranges: AffectedRange[]) =>
  Object.fromEntries(
    Object.entries(cells(ranges)).map(([k, c]) => [k, c.version ? `${c.state} ${c.version}` : c.state]),
  );

describe("matrix cells", () => {
  it.each<[string, AffectedRange[], Record<string, string>]>([
    ["no ranges yet", [], { "3.x": "unknown", "4.x": "unknown", "5.x": "unknown", "6.x": "unknown" }],
    // an imported advisory may carry versions of another scheme: they match nothing rather than break the matrix
    [
      "versions semver cannot read",
      [
        { introduced: "1.0.0.1", fixed: "4.21.2.post1" },
        { introduced: "5.0.0", fixed: "5.1.0" },
      ],
      { "3.x": "unknown", "4.x": "unknown", "5.x": "fixed 5.1.0", "6.x": "unknown" },
    ],
    [
      "fixed in 4.21.2 and 5.1.0 (released)",
      [
        { introduced: "0", fixed: "4.21.2" },
        { introduced: "5.0.0", fixed: "5.1.0" },
      ],
      { "3.x": "wont_fix", "4.x": "fixed 4.21.2", "5.x": "fixed 5.1.0", "6.x": "not_affected" },
    ],
    [
      "fix pending on 5.x (5.1.1 not released)",
      [
        { introduced: "4.0.0", fixed: "4.21.2" },
        { introduced: "5.0.0", fixed: "5.1.1" },
      ],
      { "3.x": "not_affected", "4.x": "fixed 4.21.2", "5.x": "fix_pending 5.1.1", "6.x": "not_affected" },
    ],
    [
      "open-ended: every version from 4.10.0 on",
      [{ introduced: "4.10.0" }],
      { "3.x": "not_affected", "4.x": "affected", "5.x": "affected", "6.x": "affected" },
    ],
    [
      "no fix inside 4.x: the fix is an upgrade to 5.x",
      [{ introduced: "0", fixed: "5.0.0" }],
      { "3.x": "wont_fix", "4.x": "affected", "5.x": "not_affected", "6.x": "not_affected" },
    ],
    [
      "several disjoint ranges over many lines",
      [
        { introduced: "3.0.0", fixed: "3.1.0" },
        { introduced: "4.5.0", fixed: "4.6.0" },
        { introduced: "4.20.0", fixed: "4.21.2" },
        { introduced: "5.0.0", last_affected: "5.0.1" },
      ],
      { "3.x": "fixed 3.1.0", "4.x": "fixed 4.21.2", "5.x": "fixed", "6.x": "not_affected" },
    ],
    [
      "a range that starts and ends inside pre-releases",
      [{ introduced: "6.0.0-alpha.1", fixed: "6.0.0-beta.1" }],
      { "3.x": "not_affected", "4.x": "not_affected", "5.x": "not_affected", "6.x": "fixed 6.0.0-beta.1" },
    ],
    [
      "pre-release ordering: beta.3 is after beta.1, so the line's latest is still affected",
      [{ introduced: "6.0.0-alpha.1", fixed: "6.0.0-beta.3" }],
      { "3.x": "not_affected", "4.x": "not_affected", "5.x": "not_affected", "6.x": "fix_pending 6.0.0-beta.3" },
    ],
    [
      "a regression after an earlier fix in the same line",
      [{ introduced: "4.0.0", fixed: "4.5.0" }, { introduced: "4.20.0" }],
      { "3.x": "not_affected", "4.x": "affected", "5.x": "affected", "6.x": "affected" },
    ],
    [
      "introduced above every released version of a line",
      [{ introduced: "4.22.0", fixed: "4.23.0" }, { introduced: "5.2.0" }],
      { "3.x": "not_affected", "4.x": "not_affected", "5.x": "not_affected", "6.x": "affected" },
    ],
    [
      "last_affected below the latest",
      [{ introduced: "0", last_affected: "4.17.0" }],
      { "3.x": "wont_fix", "4.x": "fixed", "5.x": "not_affected", "6.x": "not_affected" },
    ],
  ])("%s", (_name, ranges, expected) => expect(states(ranges)).toEqual(expected));

  it("lets a handler override a cell, and shows it as such", () => {
    const ranges = [{ introduced: "0" }];
    expect(computeCell(L4, ranges, { state: "wont_fix", note: "4.x users should upgrade" })).toEqual({
      state: "wont_fix",
      version: null,
      overridden: true,
      fixRef: null,
      note: "4.x users should upgrade",
    });
    // a fixed version set by hand is pending until the line's latest reaches it
    expect(
      computeCell(L4, ranges, { state: "fixed", fixedVersion: "4.21.3", fixRef: "https://github.com/x/y/pull/1" }),
    ).toMatchObject({ state: "fix_pending", version: "4.21.3", overridden: true });
    expect(computeCell(L4, ranges, { state: "fixed", fixedVersion: "4.21.2" })).toMatchObject({
      state: "fixed",
      version: "4.21.2",
    });
    expect(computeCell(L4, ranges, { fixRef: "abc123" })).toMatchObject({
      state: "affected",
      overridden: false,
      fixRef: "abc123",
    });
    // a fixed version with the state left computed means fixed there (pending until released)
    expect(computeCell(L4, ranges, { fixedVersion: "4.21.3" })).toMatchObject({
      state: "fix_pending",
      version: "4.21.3",
      overridden: true,
    });
    expect(computeCell(L4, ranges, { fixedVersion: "4.20.0" })).toMatchObject({
      state: "fixed",
      version: "4.20.0",
      overridden: true,
    });
    // a state chosen by hand wins over the version it still holds
    expect(computeCell(L4, ranges, { state: "affected", fixedVersion: "4.20.0" })).toMatchObject({
      state: "affected",
      version: null,
    });
  });

  it("treats a line with nothing released yet as pending or affected", () => {
    const next = line("7.x", ">=7.0.0-0 <8.0.0-0", null, "PRERELEASE");
    expect(computeCell(next, [{ introduced: "0" }], { state: "fixed", fixedVersion: "7.0.0-alpha.3" })).toMatchObject({
      state: "fix_pending",
      version: "7.0.0-alpha.3",
    });
    expect(computeCell(next, [{ introduced: "0" }]).state).toBe("affected");
    expect(computeCell(next, [{ introduced: "0", fixed: "7.0.0-alpha.2" }])).toMatchObject({
      state: "fix_pending",
      version: "7.0.0-alpha.2",
    });
  });
});

describe("the release gate", () => {
  it("needs every maintained line fixed, not affected or won't-fix with a note, and then released", () => {
    const pending = cells([
      { introduced: "4.0.0", fixed: "4.21.2" },
      { introduced: "5.0.0", fixed: "5.1.1" },
    ]);
    expect(releaseGate(LINES, pending)).toEqual({ linesNotReady: [], linesNotReleased: ["5.x (5.1.1 not released)"] });
    expect(releaseGate(LINES, cells([{ introduced: "0", fixed: "5.0.0" }])).linesNotReady).toEqual(["4.x"]);
    expect(releaseGate(LINES, cells([])).linesNotReady).toEqual(["4.x", "5.x"]);
    // EOL and pre-release lines never block
    expect(
      releaseGate(
        LINES,
        cells([
          { introduced: "0", fixed: "4.21.2" },
          { introduced: "5.0.0", fixed: "5.1.0" },
        ]),
      ),
    ).toEqual({ linesNotReady: [], linesNotReleased: [] });
    const wontFix = {
      ...pending,
      "5.x": computeCell(L5, [{ introduced: "5.0.0" }], { state: "wont_fix", note: "5.0 is deprecated" }),
    };
    expect(releaseGate(LINES, wontFix).linesNotReady).toEqual([]);
    const wontFixNoNote = { ...pending, "5.x": computeCell(L5, [{ introduced: "5.0.0" }], { state: "wont_fix" }) };
    expect(releaseGate(LINES, wontFixNoNote).linesNotReady).toEqual(["5.x"]);
  });

  it("reads lines written as hyphen ranges or unions", () => {
    const hyphen: Line = { name: "4.x", range: "4.0.0 - 4.9.9", latest: "4.2.0", status: "MAINTAINED" };
    expect(computeCell(hyphen, [{ introduced: "4.1.0", fixed: "4.3.0" }])).toMatchObject({
      state: "fix_pending",
      version: "4.3.0",
    });
    const union: Line = { name: "old", range: "^2.0.0 || ^3.0.0", latest: "3.1.0", status: "MAINTAINED" };
    expect(computeCell(union, [{ introduced: "2.5.0", fixed: "2.6.0" }])).toMatchObject({
      state: "fixed",
      version: "2.6.0",
    });
    expect(computeCell(union, [{ introduced: "3.2.0" }])).toMatchObject({ state: "not_affected" });
  });

  it("stops counting a maintained line from its end-of-life date", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const ending = { ...L5, eolDate: new Date("2026-11-26T00:00:00Z") };
    expect(lineInForce(ending, now).status).toBe("EOL");
    expect(lineInForce({ ...L5, eolDate: new Date("2026-11-27T00:00:00Z") }, now).status).toBe("MAINTAINED");
    expect(lineInForce({ ...L5, eolDate: null }, now).status).toBe("MAINTAINED");
    const lines = LINES.map((l) => (l.name === "5.x" ? lineInForce(ending, now) : l));
    expect(
      releaseGate(lines, cells([{ introduced: "0", fixed: "4.21.2" }, { introduced: "5.0.0" }])).linesNotReady,
    ).toEqual([]);
  });
});

describe("validation", () => {
  it.each([
    [{ introduced: "0", fixed: "4.1.0" }, null],
    [{ introduced: "4.x", fixed: "4.1.0" }, '"4.x" is not a version'],
    [{ introduced: "4.2.0", fixed: "4.1.0" }, "4.2.0 does not come before 4.1.0"],
    [
      { introduced: "1.0.0", fixed: "2.0.0", last_affected: "1.9.0" },
      "A range has either fixed or last_affected, not both",
    ],
  ])("range %j → %s", (r, message) => expect(validateRange(r as AffectedRange)).toBe(message));

  it("checks lines and their overlaps", () => {
    expect(validateLine({ range: ">=4.0.0 <5.0.0-0", latest: "4.21.2" })).toBeNull();
    expect(validateLine({ range: "four", latest: null })).toMatchObject({ field: "range" });
    expect(validateLine({ range: ">=4.0.0 <5.0.0-0", latest: "5.0.0" })).toEqual({
      field: "latest",
      message: "5.0.0 is not in >=4.0.0 <5.0.0-0",
    });
    expect(linesOverlap(">=4.0.0 <5.0.0-0", ">=5.0.0 <6.0.0-0")).toBe(false);
    expect(linesOverlap(">=4.0.0 <5.0.0-0", ">=4.18.0")).toBe(true);
    expect(linesOverlap(">=5.0.0 <6.0.0-0", ">=6.0.0-0 <7.0.0-0")).toBe(false);
  });
});
