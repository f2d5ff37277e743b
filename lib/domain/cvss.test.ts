import { describe, expect, it } from "vitest";

import { scoreCvss, severityForScore } from "./cvss";

describe("CVSS scoring", () => {
  // examples from the FIRST specification documents and NVD
  it.each([
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "CRITICAL"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "HIGH"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "MEDIUM"],
    ["CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N", 3.3, "LOW"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0, "NONE"],
    ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, "CRITICAL"],
    ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0, "NONE"],
    // older advisories carry 3.0 vectors
    ["CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "CRITICAL"],
  ])("%s scores %d (%s)", (vector, score, severity) => {
    expect(scoreCvss(vector)).toMatchObject({ ok: true, score, severity });
  });

  it.each([
    ["AV:N/AC:L", "starts with"],
    ["CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "starts with"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y", "no metric XX"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "lacks base metrics: A"],
    ["CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "repeats"],
    ["CVSS:3.1/AV:N:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "not a metric:value pair"],
  ])("refuses %s", (vector, reason) => {
    const result = scoreCvss(vector);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it("writes the vector in the specification's metric order", () => {
    expect(scoreCvss("CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A")).toMatchObject({
      ok: true,
      vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A",
    });
    expect(scoreCvss(" CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H ")).toMatchObject({
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      score: 9.8,
    });
  });

  it.each([
    [10, "CRITICAL"],
    [9, "CRITICAL"],
    [8.9, "HIGH"],
    [7, "HIGH"],
    [6.9, "MEDIUM"],
    [4, "MEDIUM"],
    [3.9, "LOW"],
    [0.1, "LOW"],
    [0, "NONE"],
  ] as const)("bands %d as %s", (score, severity) => expect(severityForScore(score)).toBe(severity));
});
