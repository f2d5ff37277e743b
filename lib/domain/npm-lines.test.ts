import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { linesOverlap, validateLine } from "./matrix";
import type { Packument } from "./npm-lines";
import { suggestLines } from "./npm-lines";

// a recorded registry document (tests/fixtures/npm-express.json): no network in tests
const express = JSON.parse(readFileSync("tests/fixtures/npm-express.json", "utf8")) as Packument;

describe("release lines suggested from the npm registry", () => {
  it("proposes a line per major for express, newest maintained, older ones end of life", () => {
    const lines = suggestLines(express, new Date("2026-11-26T00:00:00Z"));
    expect(lines.map((l) => [l.name, l.status, l.latest])).toEqual([
      ["5.x", "MAINTAINED", "5.3.0"],
      ["4.x", "MAINTAINED", "4.22.3"],
      ["3.x", "EOL", "3.21.2"],
      ["2.x", "EOL", expect.stringMatching(/^2\./)],
      ["1.x", "EOL", expect.stringMatching(/^1\./)],
    ]);
    expect(lines[0]!.range).toBe(">=5.0.0 <6.0.0-0");
    // every suggestion is a valid line, and none overlap
    for (const l of lines) expect(validateLine(l)).toBeNull();
    for (const a of lines) for (const b of lines) if (a !== b) expect(linesOverlap(a.range, b.range)).toBe(false);
  });

  it("treats an old previous major as end of life, and a major with only pre-releases as a pre-release line", () => {
    const doc: Packument = {
      "dist-tags": { latest: "2.1.0", next: "3.0.0-beta.2" },
      versions: { "1.0.0": {}, "1.4.0": {}, "2.0.0": {}, "2.1.0": {}, "3.0.0-alpha.1": {}, "3.0.0-beta.2": {} },
      time: { "1.4.0": "2022-01-01T00:00:00Z", "2.1.0": "2026-10-01T00:00:00Z" },
    };
    expect(suggestLines(doc, new Date("2026-11-26T00:00:00Z"))).toEqual([
      { name: "2.x", range: ">=2.0.0 <3.0.0-0", latest: "2.1.0", status: "MAINTAINED" },
      { name: "3.x", range: ">=3.0.0-0 <4.0.0-0", latest: "3.0.0-beta.2", status: "PRERELEASE" },
      { name: "1.x", range: ">=1.0.0 <2.0.0-0", latest: "1.4.0", status: "EOL" },
    ]);
    expect(suggestLines({}, new Date())).toEqual([]);
  });
});
