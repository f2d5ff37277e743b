import { readFileSync } from "node:fs";

import { beforeAll, describe, expect, it } from "vitest";

import { osvExportProblems } from "@/lib/domain/osv-validate";
import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { openEventBody } from "@/lib/server/infra/sealed";
import { setAffected, setOverride } from "@/lib/server/matrix/affected";
import { getMatrix } from "@/lib/server/matrix/matrix";
import { exportCve, exportOsv } from "@/lib/server/osv/export";
import { importOsv } from "@/lib/server/osv/osv";
import { createProject, replaceLines } from "@/lib/server/projects/projects";
import { getReport } from "@/lib/server/reports/detail";
import { submitReport } from "@/lib/server/reports/intake";
import { expectDomainError } from "@/tests/helpers/errors";

const advisory = JSON.parse(readFileSync("tests/fixtures/GHSA-qw6h-vgh9-j6wx.json", "utf8")) as Record<string, unknown>;

beforeAll(async () => {
  await createProject(SYSTEM, { slug: "express", name: "Express", packageName: "express" });
  await replaceLines(SYSTEM, "express", {
    lines: [
      { name: "3.x", range: ">=3.0.0 <4.0.0-0", latest: "3.21.2", status: "EOL" },
      { name: "4.x", range: ">=4.0.0 <5.0.0-0", latest: "4.21.2", status: "MAINTAINED" },
      { name: "5.x", range: ">=5.0.0 <6.0.0-0", latest: "5.1.0", status: "MAINTAINED" },
      { name: "6.x", range: ">=6.0.0-0 <7.0.0-0", latest: "6.0.0-beta.1", status: "PRERELEASE" },
    ],
  });
});

describe("OSV import and export", () => {
  it("imports a published advisory into a report and computes its matrix row", async () => {
    const { key, created } = await importOsv(SYSTEM, advisory);
    expect(created).toBe(true);
    const report = await getReport(SYSTEM, key);
    expect(report).toMatchObject({
      title: "express vulnerable to XSS via response.redirect()",
      cveId: "CVE-2024-43796",
      ghsaId: "GHSA-qw6h-vgh9-j6wx",
      severity: "MEDIUM",
      cvss: { score: 5 },
      cweIds: ["CWE-79"],
      project: { slug: "express" },
    });
    const row = (await getMatrix(SYSTEM, "express")).rows.find((r) => r.key === key)!;
    expect(row.cells).toMatchObject({
      "3.x": { state: "wont_fix", version: null },
      "4.x": { state: "fixed", version: "4.20.0" },
      "5.x": { state: "not_affected", version: null },
      "6.x": { state: "not_affected", version: null },
    });
    // the record as received is kept, encrypted, but not sent with every read of the report
    const stored = await db().timelineEvent.findFirstOrThrow({ where: { report: { key }, kind: "osv_imported" } });
    expect(stored.body).toMatch(/^enc1:/);
    expect((JSON.parse(openEventBody(stored)!) as { id: string }).id).toBe("GHSA-qw6h-vgh9-j6wx");
    expect((await getReport(SYSTEM, key)).timeline.find((e) => e.kind === "osv_imported")?.data).toEqual({
      id: "GHSA-qw6h-vgh9-j6wx",
      aliases: ["CVE-2024-43796"],
    });
    // imported advisories have no reporter to write to
    expect(await db().outboundMail.count({ where: { report: { key } } })).toBe(0);
  });

  it("updates, not duplicates, when the same advisory (or one of its aliases) comes again", async () => {
    const before = await db().report.count();
    const again = await importOsv(SYSTEM, { ...advisory, summary: "express: XSS via response.redirect() (updated)" });
    expect(again.created).toBe(false);
    expect((await getReport(SYSTEM, again.key)).title).toBe("express: XSS via response.redirect() (updated)");
    const byAlias = await importOsv(SYSTEM, { ...advisory, id: "CVE-2024-43796", aliases: ["GHSA-qw6h-vgh9-j6wx"] });
    expect(byAlias).toEqual({ key: again.key, created: false });
    expect(await db().report.count()).toBe(before);
    expect((await exportOsv(SYSTEM, again.key)).id).toBe("GHSA-qw6h-vgh9-j6wx");
  });

  it("makes one report when the same new advisory arrives several times at once", async () => {
    const fresh = { ...advisory, id: "GHSA-9999-8888-7777", aliases: ["CVE-2099-4242"] };
    const results = await Promise.all(Array.from({ length: 5 }, () => importOsv(SYSTEM, fresh)));
    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db().report.count({ where: { osvId: "GHSA-9999-8888-7777" } })).toBe(1);
  });

  it("exports a valid OSV record carrying every fixed version, which imports back to the same report", async () => {
    const { key } = await importOsv(SYSTEM, advisory);
    const record = await exportOsv(SYSTEM, key);
    expect(osvExportProblems(record)).toEqual([]);
    expect(record.id).toBe("GHSA-qw6h-vgh9-j6wx");
    expect(record.aliases).toEqual(expect.arrayContaining(["CVE-2024-43796", key]));
    const events = record.affected.flatMap((a) => a.ranges.flatMap((r) => r.events));
    expect(events).toEqual(
      expect.arrayContaining([{ fixed: "4.20.0" }, { fixed: "5.0.0" }, { introduced: "5.0.0-alpha.1" }]),
    );
    expect(record.severity).toEqual([{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L" }]);
    expect(await importOsv(SYSTEM, record)).toEqual({ key, created: false });
  });

  it("exports the CVE JSON 5 CNA container with per-line changes", async () => {
    const { key } = await importOsv(SYSTEM, advisory);
    const cve = await exportCve(SYSTEM, key);
    const versions = cve.containers.cna.affected[0]!.versions;
    expect(versions).toEqual(
      expect.arrayContaining([
        {
          version: "4.0.0",
          lessThan: "5.0.0-0",
          status: "affected",
          versionType: "semver",
          changes: [{ at: "4.20.0", status: "unaffected" }],
        },
        { version: "3.0.0", lessThan: "4.0.0-0", status: "affected", versionType: "semver" },
      ]),
    );
    expect(cve.containers.cna.problemTypes?.[0]?.descriptions[0]?.cweId).toBe("CWE-79");
  });

  it("merges into a report that came from a reporter without overwriting their words", async () => {
    const { key } = await submitReport({
      title: "Redirect XSS (reporter's title)",
      body: "The reporter's own description.",
      reporterEmail: "r@example.org",
      project: "express",
    });
    await db().report.update({ where: { key }, data: { ghsaId: "GHSA-7777-8888-9999" } });
    const result = await importOsv(SYSTEM, { ...advisory, id: "GHSA-7777-8888-9999", aliases: ["CVE-2099-0001"] });
    expect(result).toEqual({ key, created: false });
    const report = await getReport(SYSTEM, key);
    expect(report).toMatchObject({
      title: "Redirect XSS (reporter's title)",
      body: "The reporter's own description.",
      cveId: "CVE-2099-0001",
      severity: "MEDIUM",
    });
    expect(report.affected[0]?.ranges[0]).toEqual({ introduced: "0", fixed: "4.20.0" });
  });

  it("refuses records that are not OSV (400, first errors named) and packages no project tracks (422)", async () => {
    const notOsv = await expectDomainError(importOsv(SYSTEM, { hello: "world" }), "bad_request");
    expect(Object.keys(notOsv.fields ?? {})).toEqual(expect.arrayContaining(["id", "modified"]));
    const unknown = await expectDomainError(
      importOsv(SYSTEM, {
        ...advisory,
        id: "GHSA-xxxx-xxxx-xxxx",
        aliases: [],
        affected: [
          {
            package: { ecosystem: "npm", name: "left-pad" },
            ranges: [{ type: "SEMVER", events: [{ introduced: "0" }] }],
          },
        ],
      }),
      "rule_violated",
    );
    expect(unknown.message).toContain('"left-pad"');
    // null where a list may be, and extra keys in an event, are OSV too
    const sparse = await importOsv(SYSTEM, {
      ...advisory,
      id: "GHSA-6666-7777-8888",
      schema_version: "1.7",
      aliases: null,
      severity: null,
      references: null,
      affected: [
        {
          package: { ecosystem: "npm", name: "express" },
          ranges: [{ type: "SEMVER", events: [{ introduced: "0", note: "x" }, { fixed: "4.20.0" }] }],
        },
      ],
    });
    expect((await getReport(SYSTEM, sparse.key)).affected).toEqual([
      { package: "express", ranges: [{ introduced: "0", fixed: "4.20.0" }] },
    ]);
    const scripted = await importOsv(SYSTEM, {
      ...advisory,
      id: "GHSA-5555-6666-7777",
      aliases: [],
      references: [{ type: "ADVISORY", url: "javascript:alert(1)" }],
    });
    expect((await getReport(SYSTEM, scripted.key)).advisoryUrl).toBeNull();
    const broken = await expectDomainError(
      importOsv(SYSTEM, {
        ...advisory,
        affected: [
          {
            package: { ecosystem: "npm", name: "express" },
            ranges: [
              { type: "SEMVER", events: [{ introduced: "0" }, { fixed: "4.20.0" }, { last_affected: "4.21.0" }] },
            ],
          },
        ],
      }),
      "bad_request",
    );
    expect(broken.fields).toEqual({
      "affected.0.ranges.0": "a range uses fixed or last_affected events, not both",
    });
  });

  it("exports a team's own report with ranges, hand-set fixes and a CVE id as a record valid against the whole schema", async () => {
    const { key } = await submitReport({
      title: "Path traversal in static()",
      body: "Steps to reproduce.",
      reporterEmail: "finder@example.org",
      reporterName: "Finder",
      project: "express",
    });
    const own = await exportOsv(SYSTEM, key);
    // no GHSA or CVE id yet: the key is the id, which is not a registered OSV prefix, and that is all the schema objects to
    expect(own.id).toBe(key);
    expect(osvExportProblems(own).map((p) => p.path)).toEqual(["id"]);
    await db().report.update({
      where: { key },
      data: { cveId: "CVE-2026-12345", cvssVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N" },
    });
    await setAffected(SYSTEM, key, {
      affected: [
        {
          package: "express",
          ranges: [
            { introduced: "4.0.0", last_affected: "4.21.2" },
            { introduced: "5.0.0", fixed: "5.1.1" },
          ],
        },
      ],
    });
    await setOverride(SYSTEM, key, "4.x", {
      state: "fixed",
      fixedVersion: "4.21.3",
      fixRef: "https://github.com/expressjs/express/pull/1",
      note: "backported",
    });
    const record = await exportOsv(SYSTEM, key);
    expect(osvExportProblems(record)).toEqual([]);
    expect(record).toMatchObject({
      id: "CVE-2026-12345",
      aliases: [key],
      severity: [{ type: "CVSS_V4" }],
      credits: [{ name: "Finder", type: "FINDER" }],
    });
    // the hand-set fix on 4.x agrees with the ranges (4.x affected up to 4.21.2): they stand as they are
    expect(record.affected[0]!.ranges).toEqual([
      { type: "SEMVER", events: [{ introduced: "4.0.0" }, { last_affected: "4.21.2" }] },
      { type: "SEMVER", events: [{ introduced: "5.0.0" }, { fixed: "5.1.1" }] },
    ]);
    // a hand fix on a line the ranges call affected cuts the range there
    await setOverride(SYSTEM, key, "5.x", { state: "fixed", fixedVersion: "5.0.9" });
    expect((await exportOsv(SYSTEM, key)).affected[0]!.ranges.map((r) => r.events)).toEqual([
      [{ introduced: "4.0.0" }, { last_affected: "4.21.2" }],
      [{ introduced: "5.0.0" }, { fixed: "5.0.9" }],
    ]);
    // an override that says "affected" does not export the fixed version it still holds
    await setOverride(SYSTEM, key, "5.x", { state: "affected", fixedVersion: "5.0.9" });
    expect((await exportOsv(SYSTEM, key)).affected[0]!.ranges.map((r) => r.events)).toEqual([
      [{ introduced: "4.0.0" }, { last_affected: "4.21.2" }],
      [{ introduced: "5.0.0" }, { fixed: "5.1.1" }],
    ]);
    // a fixed version must be a release of its line
    const outside = await expectDomainError(
      setOverride(SYSTEM, key, "5.x", { state: "fixed", fixedVersion: "4.22.0" }),
    );
    expect(outside.fields).toEqual({ fixedVersion: "Not in >=5.0.0 <6.0.0-0" });
  });
});
