import { describe, expect, it } from "vitest";

import { cveContainer } from "./cve";
import { computeCell } from "./matrix";
import type { Line } from "./matrix";

const lines: Line[] = [
  { name: "4.x", range: ">=4.0.0 <5.0.0-0", latest: "4.21.2", status: "MAINTAINED" },
  { name: "5.x", range: ">=5.0.0 <6.0.0-0", latest: "5.1.0", status: "MAINTAINED" },
  { name: "3.x", range: ">=3.0.0 <4.0.0-0", latest: "3.21.2", status: "EOL" },
];

describe("CVE JSON 5 CNA container", () => {
  it("lists affected lines with their fix as a change, and scores", () => {
    const ranges = [{ introduced: "0", fixed: "4.20.0" }];
    const cells = lines.map((l) => ({ ...l, ...computeCell(l, ranges) }));
    const record = cveContainer({
      title: "XSS via response.redirect()",
      description: "Untrusted input passed to res.redirect() may execute.",
      vendor: "expressjs",
      product: "express",
      packageName: "express",
      repositoryUrl: "https://github.com/expressjs/express",
      cweIds: ["CWE-79"],
      cvss: { vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L", score: 5, severity: "MEDIUM" },
      advisoryUrl: "https://github.com/expressjs/express/security/advisories/GHSA-qw6h-vgh9-j6wx",
      credit: "Rae Porter",
      lines: cells,
    });
    const cna = record.containers.cna;
    expect(cna.affected[0]!.versions).toEqual([
      {
        version: "4.0.0",
        lessThan: "5.0.0-0",
        status: "affected",
        versionType: "semver",
        changes: [{ at: "4.20.0", status: "unaffected" }],
      },
      { version: "3.0.0", lessThan: "4.0.0-0", status: "affected", versionType: "semver" },
    ]);
    expect(cna.affected[0]!.defaultStatus).toBe("unaffected");
    expect(cna.metrics).toEqual([
      {
        cvssV3_1: {
          version: "3.1",
          vectorString: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L",
          baseScore: 5,
          baseSeverity: "MEDIUM",
        },
      },
    ]);
    expect(cna.problemTypes![0]!.descriptions[0]).toMatchObject({ cweId: "CWE-79", type: "CWE" });
    expect(cna.credits).toEqual([{ lang: "en", value: "Rae Porter", type: "finder" }]);
  });

  it("names each CVSS version's metric by its own key", () => {
    const base = {
      title: "t",
      description: "d",
      vendor: "v",
      product: "p",
      packageName: "p",
      repositoryUrl: null,
      cweIds: [],
      advisoryUrl: null,
      credit: null,
      lines: [],
    };
    const metrics = (vector: string) =>
      cveContainer({ ...base, cvss: { vector, score: 9.8, severity: "CRITICAL" } }).containers.cna.metrics;
    expect(metrics("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).toEqual([
      { cvssV3_0: expect.objectContaining({ version: "3.0" }) },
    ]);
    expect(metrics("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).toEqual([
      { cvssV4_0: expect.objectContaining({ version: "4.0" }) },
    ]);
  });
});
