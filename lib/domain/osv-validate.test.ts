import { readFileSync } from "node:fs";

import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";

import osvSchema from "./osv-schema.json" with { type: "json" };
import { osvExportProblems, osvImportProblems } from "./osv-validate";

const ghsa = JSON.parse(readFileSync("tests/fixtures/GHSA-qw6h-vgh9-j6wx.json", "utf8")) as Record<string, unknown>;
const minimal = { id: "GHSA-aaaa-bbbb-cccc", modified: "2026-01-31T12:00:00Z" };
const range = (events: object[], type = "SEMVER") => ({
  affected: [{ package: { ecosystem: "npm", name: "express" }, ranges: [{ type, events }] }],
});

describe("the OSV schema file", () => {
  it("is a valid draft 2020-12 JSON Schema", () => {
    const ajv = new Ajv2020({ allowUnionTypes: true, strictTypes: false });
    expect(ajv.validateSchema(osvSchema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it("accepts a published GitHub advisory and a minimal record", () => {
    expect(osvExportProblems(ghsa)).toEqual([]);
    expect(osvExportProblems(minimal)).toEqual([]);
  });
});

describe("records that break the OSV specification", () => {
  // [what is wrong, the record, the path named, words of the message]
  const cases: [string, object, string, string][] = [
    ["no id or modified", {}, "id", "is required"],
    [
      "a time with an offset instead of Z",
      { ...minimal, modified: "2026-01-31T12:00:00+02:00" },
      "modified",
      "UTC time",
    ],
    ["a date without a time", { ...minimal, published: "2026-01-31" }, "published", "UTC time"],
    ["an unregistered id prefix", { ...minimal, id: "SEC-2026-0001" }, "id", "home database"],
    [
      "an unknown ecosystem",
      { ...minimal, affected: [{ package: { ecosystem: "npmjs", name: "express" } }] },
      "affected.0.package.ecosystem",
      "ecosystem",
    ],
    [
      "a package without a name",
      { ...minimal, affected: [{ package: { ecosystem: "npm" } }] },
      "affected.0.package.name",
      "is required",
    ],
    [
      "a range without an introduced event",
      { ...minimal, ...range([{ fixed: "1.0.0" }]) },
      "affected.0.ranges.0.events",
      "introduced",
    ],
    ["a range with no events", { ...minimal, ...range([]) }, "affected.0.ranges.0.events", ""],
    [
      "fixed and last_affected in one range",
      { ...minimal, ...range([{ introduced: "0" }, { fixed: "1.0.0" }, { last_affected: "2.0.0" }]) },
      "affected.0.ranges.0",
      "not both",
    ],
    [
      "an event with two ends",
      { ...minimal, ...range([{ introduced: "0", fixed: "1.0.0" }]) },
      "affected.0.ranges.0.events.0",
      "exactly one",
    ],
    [
      "a GIT range without a repo",
      { ...minimal, ...range([{ introduced: "abc" }], "GIT") },
      "affected.0.ranges.0.repo",
      "is required",
    ],
    ["an unknown range type", { ...minimal, ...range([{ introduced: "0" }], "RANGE") }, "affected.0.ranges.0.type", ""],
    [
      "a CVSS 3 type holding a CVSS 4 vector",
      {
        ...minimal,
        severity: [{ type: "CVSS_V3", score: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" }],
      },
      "severity.0.score",
      "vector",
    ],
    [
      "a CVSS 4 vector with its base metrics out of order",
      {
        ...minimal,
        severity: [{ type: "CVSS_V4", score: "CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" }],
      },
      "severity.0.score",
      "vector",
    ],
    [
      "a severity type OSV does not know",
      { ...minimal, severity: [{ type: "CVSS_V5", score: "x" }] },
      "severity.0.type",
      "",
    ],
    [
      "severity on the record and on a package",
      {
        ...minimal,
        severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }],
        affected: [
          {
            package: { ecosystem: "npm", name: "x" },
            severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }],
          },
        ],
      },
      "affected.0.severity",
      "top-level severity",
    ],
    [
      "a reference that is not a URL",
      { ...minimal, references: [{ type: "WEB", url: "not a url" }] },
      "references.0.url",
      "",
    ],
    [
      "an unknown reference type",
      { ...minimal, references: [{ type: "BLOG", url: "https://example.com" }] },
      "references.0.type",
      "",
    ],
    ["an unknown credit type", { ...minimal, credits: [{ name: "A", type: "HERO" }] }, "credits.0.type", ""],
    ["a top-level field OSV does not have", { ...minimal, cwe: ["CWE-79"] }, "_", '"cwe" is not an OSV field'],
  ];

  it.each(cases)("%s", (_what, record, path, words) => {
    const problems = osvExportProblems(record);
    const found = problems.find((p) => p.path === path);
    expect(found, JSON.stringify(problems)).toBeDefined();
    expect(found!.message).toContain(words);
  });

  it("reads records of registries newer than our lists on import, but not broken ones", () => {
    expect(
      osvImportProblems({
        ...minimal,
        id: "NEWDB-2026-1",
        affected: [{ package: { ecosystem: "Newland:1", name: "x" } }],
        extra: 1,
      }),
    ).toEqual([]);
    expect(osvImportProblems({ ...minimal, ...range([{ fixed: "1.0.0" }]) }).map((p) => p.path)).toEqual([
      "affected.0.ranges.0.events",
    ]);
  });
});
