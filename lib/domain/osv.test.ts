import { describe, expect, it } from "vitest";

import type { AffectedRange } from "./matrix";
import type { HandFix } from "./osv";
import { exportRanges, osvRanges, toOsv } from "./osv";
import { osvExportProblems } from "./osv-validate";

// Writing a report as an OSV record: ranges, fixed versions set by hand, and
// a record valid against the schema (the schema checks are in osv-validate.test.ts).

const base = {
  id: "GHSA-aaaa-bbbb-cccc",
  aliases: ["CVE-2026-0001", "SEC-2026-0001"],
  title: "Prototype pollution in qs parsing",
  body: "Details.",
  modified: new Date("2026-02-01T10:00:00.123Z"),
  published: new Date("2026-02-02T10:00:00Z"),
  cvssVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
  severity: "CRITICAL" as const,
  cweIds: ["CWE-1321"],
  advisoryUrl: "https://github.com/acme/widget/security/advisories/GHSA-aaaa-bbbb-cccc",
  credit: { name: "Ada", type: "FINDER" as const },
  handFixes: {},
};

describe("toOsv", () => {
  it("writes records valid against the whole schema, one OSV range per range, whatever their ends", () => {
    const record = toOsv({
      ...base,
      packages: [
        {
          name: "widget",
          ecosystem: "npm",
          ranges: [
            { introduced: "0", fixed: "3.4.1" },
            { introduced: "4.0.0-rc.1", last_affected: "4.2.0" },
            { introduced: "5.0.0", fixed: "5.0.3" },
          ],
        },
      ],
    });
    expect(osvExportProblems(record)).toEqual([]);
    expect(record.affected[0]!.ranges).toEqual([
      { type: "SEMVER", events: [{ introduced: "0" }, { fixed: "3.4.1" }] },
      { type: "SEMVER", events: [{ introduced: "4.0.0-rc.1" }, { last_affected: "4.2.0" }] },
      { type: "SEMVER", events: [{ introduced: "5.0.0" }, { fixed: "5.0.3" }] },
    ]);
  });

  it("keeps overlapping ranges apart, so neither ends the other early", () => {
    const ranges = osvRanges(
      [
        { introduced: "0", fixed: "3.0.0" },
        { introduced: "1.0.0", fixed: "2.0.0" },
      ],
      [],
    );
    expect(ranges.map((r) => r.events)).toEqual([
      [{ introduced: "0" }, { fixed: "3.0.0" }],
      [{ introduced: "1.0.0" }, { fixed: "2.0.0" }],
    ]);
  });
});

describe("fixed versions set by hand on a line", () => {
  const L4 = ">=4.0.0 <5.0.0-0";
  const L5 = ">=5.0.0 <6.0.0-0";
  // [what, ranges, hand fixes, the ranges exported]
  const cases: [string, AffectedRange[], HandFix[], AffectedRange[]][] = [
    [
      "end an open range at the fix and resume it where the line ends",
      [{ introduced: "0" }],
      [{ lineRange: L4, version: "4.21.3" }],
      [{ introduced: "0", fixed: "4.21.3" }, { introduced: "5.0.0-0" }],
    ],
    [
      "cut one range on two lines",
      [{ introduced: "4.0.0", fixed: "5.2.0" }],
      [
        { lineRange: L5, version: "5.1.1" },
        { lineRange: L4, version: "4.21.3" },
      ],
      [
        { introduced: "4.0.0", fixed: "4.21.3" },
        { introduced: "5.0.0-0", fixed: "5.1.1" },
      ],
    ],
    [
      "keep a last_affected end after the cut",
      [{ introduced: "4.0.0", last_affected: "5.3.0" }],
      [{ lineRange: L4, version: "4.21.3" }],
      [
        { introduced: "4.0.0", fixed: "4.21.3" },
        { introduced: "5.0.0-0", last_affected: "5.3.0" },
      ],
    ],
    [
      "state a line no range covers as affected from its start",
      [{ introduced: "5.0.0", fixed: "5.1.1" }],
      [{ lineRange: L4, version: "4.21.3" }],
      [
        { introduced: "5.0.0", fixed: "5.1.1" },
        { introduced: "4.0.0", fixed: "4.21.3" },
      ],
    ],
    [
      "not repeat a fix the ranges already hold",
      [{ introduced: "0", fixed: "4.21.3" }],
      [{ lineRange: L4, version: "4.21.3" }],
      [{ introduced: "0", fixed: "4.21.3" }],
    ],
    [
      "leave alone versions semver cannot read",
      [{ introduced: "0" }],
      [{ lineRange: L4, version: "next" }],
      [{ introduced: "0" }],
    ],
    [
      "cut only the part of a union line that holds the fix",
      [{ introduced: "0" }],
      [{ lineRange: "^3.0.0 || ^4.0.0", version: "4.2.0" }],
      [{ introduced: "0", fixed: "4.2.0" }, { introduced: "5.0.0-0" }],
    ],
    [
      "resume just above a line that ends with <=",
      [{ introduced: "0" }],
      [{ lineRange: ">=4.0.0 <=4.9.9", version: "4.2.0" }],
      [{ introduced: "0", fixed: "4.2.0" }, { introduced: "4.9.10-0" }],
    ],
    [
      "add nothing where the ranges already end below the fix",
      [{ introduced: "0", last_affected: "4.1.0" }],
      [{ lineRange: L4, version: "4.2.0" }],
      [{ introduced: "0", last_affected: "4.1.0" }],
    ],
    [
      "take a range that starts above the fix out of the line",
      [{ introduced: "4.5.0" }],
      [{ lineRange: L4, version: "4.2.0" }],
      [{ introduced: "5.0.0-0" }],
    ],
    [
      "normalise the fix as semver writes it",
      [{ introduced: "0" }],
      [{ lineRange: L4, version: "v4.2.0" }],
      [{ introduced: "0", fixed: "4.2.0" }, { introduced: "5.0.0-0" }],
    ],
  ];
  it.each(cases)("%s", (_what, ranges, fixes, expected) => {
    expect(exportRanges(ranges, fixes)).toEqual(expected);
    const record = toOsv({
      ...base,
      packages: [{ name: "widget", ecosystem: "npm", ranges }],
      handFixes: { widget: fixes },
    });
    expect(osvExportProblems(record)).toEqual([]);
  });
});

describe("toOsv, empty", () => {
  it("writes a report with no ranges yet as a package without ranges", () => {
    const record = toOsv({
      ...base,
      cvssVector: null,
      credit: null,
      advisoryUrl: null,
      packages: [{ name: "widget", ecosystem: "npm", ranges: [] }],
    });
    expect(osvExportProblems(record)).toEqual([]);
  });
});
