import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { SYSTEM } from "@/lib/server/auth/actor";
import { setAffected, setOverride } from "@/lib/server/matrix/affected";
import { getAllMatrices, getMatrix } from "@/lib/server/matrix/matrix";
import { suggestLinesFromNpm } from "@/lib/server/projects/npm-suggest";
import { createProject, listProjects, replaceLines } from "@/lib/server/projects/projects";
import { getReport, getReportSummary } from "@/lib/server/reports/detail";
import { submitReport } from "@/lib/server/reports/intake";
import { updateReport } from "@/lib/server/reports/update";
import { createActor } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";

const LINES = [
  { name: "3.x", range: ">=3.0.0 <4.0.0-0", latest: "3.21.2", status: "EOL" as const },
  { name: "4.x", range: ">=4.0.0 <5.0.0-0", latest: "4.21.2", status: "MAINTAINED" as const },
  { name: "5.x", range: ">=5.0.0 <6.0.0-0", latest: "5.1.0", status: "MAINTAINED" as const },
  { name: "6.x", range: ">=6.0.0-0 <7.0.0-0", latest: "6.0.0-beta.1", status: "PRERELEASE" as const },
];

describe("projects, release lines and the matrix", () => {
  it("creates projects and validates release lines", async () => {
    expect(await createProject(SYSTEM, { slug: "express", name: "Express", packageName: "express" })).toMatchObject({
      slug: "express",
      lines: [],
    });
    await expectDomainError(createProject(SYSTEM, { slug: "express", name: "Again" }), "conflict");
    expect(
      (
        await expectDomainError(
          replaceLines(SYSTEM, "express", { lines: [{ name: "4.x", range: "four", status: "MAINTAINED" }] }),
        )
      ).fields,
    ).toHaveProperty("lines.0.range");
    expect(
      (
        await expectDomainError(
          replaceLines(SYSTEM, "express", {
            lines: [{ name: "4.x", range: ">=4.0.0 <5.0.0-0", latest: "5.0.0", status: "MAINTAINED" }],
          }),
        )
      ).fields,
    ).toEqual({ "lines.0.latest": "5.0.0 is not in >=4.0.0 <5.0.0-0" });
    const overlap = await expectDomainError(
      replaceLines(SYSTEM, "express", {
        lines: [LINES[1]!, { name: "4.18+", range: ">=4.18.0 <5.0.0-0", status: "MAINTAINED" }],
      }),
    );
    expect(overlap.message).toBe("4.18+ (>=4.18.0 <5.0.0-0) overlaps 4.x (>=4.0.0 <5.0.0-0)");
    const saved = await replaceLines(SYSTEM, "express", { lines: LINES });
    expect(saved.lines.map((l) => l.name)).toEqual(["4.x", "5.x", "6.x", "3.x"]);
    const viewer = await createActor("VIEWER", { email: "v@example.com", name: "V" });
    await expectDomainError(replaceLines(viewer, "express", { lines: LINES }), "forbidden");
  });

  it("computes each cell from the report's ranges and gates release and disclosure", async () => {
    const handler = await createActor("HANDLER", { email: "hana@example.com" });
    const { key } = await submitReport({
      title: "Open redirect",
      body: "b",
      reporterEmail: "r@example.org",
      project: "express",
    });
    expect((await getMatrix(handler, "express")).rows.find((r) => r.key === key)?.cells["4.x"]).toMatchObject({
      state: "unknown",
    });

    await setAffected(handler, key, {
      affected: [
        {
          package: "express",
          ranges: [
            { introduced: "0", fixed: "4.21.2" },
            { introduced: "5.0.0", fixed: "5.1.1" },
          ],
        },
      ],
    });
    const matrix = await getMatrix(handler, "express");
    expect(matrix.lines.map((l) => l.name)).toEqual(["4.x", "5.x", "6.x", "3.x"]);
    expect(matrix.rows.find((r) => r.key === key)?.cells).toEqual({
      "4.x": { state: "fixed", version: "4.21.2", overridden: false },
      "5.x": { state: "fix_pending", version: "5.1.1", overridden: false },
      "6.x": { state: "not_affected", version: null, overridden: false },
      "3.x": { state: "wont_fix", version: null, overridden: false },
    });
    expect((await getReport(handler, key)).matrix).toEqual(
      expect.arrayContaining([{ line: "5.x", state: "fix_pending", version: "5.1.1" }]),
    );

    let v = (await getReport(handler, key)).version;
    await updateReport(handler, key, {
      version: v,
      status: "CONFIRMED",
      assignee: "hana@example.com",
      severity: "HIGH",
    });
    v += 1;
    // 5.x's fix is ready but unreleased: Release pending is fine, Disclosed is not
    await updateReport(handler, key, { version: v, status: "RELEASE_PENDING" });
    v += 1;
    const refused = await expectDomainError(updateReport(handler, key, { version: v, status: "DISCLOSED" }));
    expect(refused).toMatchObject({
      code: "rule_violated",
      message: "Disclosing needs the fixes released. Not released yet: 5.x (5.1.1 not released).",
    });

    // releasing 5.1.1 (the line's latest moves) lets it through
    await replaceLines(SYSTEM, "express", {
      lines: LINES.map((l) => (l.name === "5.x" ? { ...l, latest: "5.1.1" } : l)),
    });
    await updateReport(handler, key, { version: v, status: "DISCLOSED" });
    expect((await getReport(handler, key)).status).toBe("DISCLOSED");
  });

  it("refuses Release pending while a maintained line is affected, unless marked won't fix with a reason", async () => {
    const { key } = await submitReport({
      title: "Upgrade-only fix",
      body: "b",
      reporterEmail: "r@example.org",
      project: "express",
    });
    await setAffected(SYSTEM, key, {
      affected: [{ package: "express", ranges: [{ introduced: "0", fixed: "5.0.0" }] }],
    });
    let v = (await getReport(SYSTEM, key)).version;
    await updateReport(SYSTEM, key, {
      version: v++,
      status: "CONFIRMED",
      assignee: "hana@example.com",
      severity: "LOW",
    });
    expect(
      (await expectDomainError(updateReport(SYSTEM, key, { version: v, status: "RELEASE_PENDING" }))).message,
    ).toMatch(/Not yet: 4\.x\./);
    await setOverride(SYSTEM, key, "4.x", { state: "wont_fix" });
    v = (await getReport(SYSTEM, key)).version;
    expect(
      (await expectDomainError(updateReport(SYSTEM, key, { version: v, status: "RELEASE_PENDING" }))).message,
    ).toMatch(/Not yet: 4\.x\./);
    await setOverride(SYSTEM, key, "4.x", {
      state: "wont_fix",
      note: "Fixed by upgrading to 5.x; 4.x gets no backport",
    });
    v = (await getReport(SYSTEM, key)).version;
    await updateReport(SYSTEM, key, { version: v, status: "RELEASE_PENDING" });
    const row = (await getMatrix(SYSTEM, "express")).rows.find((r) => r.key === key)!;
    expect(row.cells["4.x"]).toEqual({ state: "wont_fix", version: null, overridden: true });
  });

  it("keeps and reports overrides of a removed line", async () => {
    const { key } = await submitReport({
      title: "Old line",
      body: "b",
      reporterEmail: "r@example.org",
      project: "express",
    });
    await setOverride(SYSTEM, key, "3.x", { state: "wont_fix", note: "EOL" });
    const result = await replaceLines(SYSTEM, "express", { lines: LINES.filter((l) => l.name !== "3.x") });
    expect(result.orphanedOverrides).toEqual([
      { report: key, line: "3.x", state: "wont_fix", fixedVersion: null, note: "EOL" },
    ]);
  });

  it("suggests lines from the npm registry document, without saving them", async () => {
    const recorded = readFileSync("tests/fixtures/npm-express.json", "utf8");
    const urls: string[] = [];
    const registry = (async (url: string | URL | Request) => {
      urls.push(String(url));
      return new Response(recorded, { headers: { "Content-Type": "application/json" } });
    }) as typeof fetch;
    const { package: pkg, lines } = await suggestLinesFromNpm(SYSTEM, "express", registry);
    expect(pkg).toBe("express");
    expect(urls).toEqual(["https://registry.npmjs.org/express"]);
    expect(lines.slice(0, 2)).toEqual([
      { name: "5.x", range: ">=5.0.0 <6.0.0-0", latest: "5.3.0", status: "MAINTAINED" },
      { name: "4.x", range: ">=4.0.0 <5.0.0-0", latest: "4.22.3", status: "MAINTAINED" },
    ]);
    const down = (async () => {
      throw new Error("getaddrinfo ENOTFOUND");
    }) as typeof fetch;
    await expectDomainError(suggestLinesFromNpm(SYSTEM, "express", down), "unavailable");
    const missing = (async () => new Response("{}", { status: 404 })) as typeof fetch;
    await expectDomainError(suggestLinesFromNpm(SYSTEM, "express", missing), "not_found");
  });

  it("refuses bad ranges with the field named", async () => {
    const { key } = await submitReport({ title: "Bad", body: "b", reporterEmail: "r@example.org", project: "express" });
    const bad = await expectDomainError(
      setAffected(SYSTEM, key, {
        affected: [{ package: "express", ranges: [{ introduced: "2.0.0", fixed: "1.0.0" }] }],
      }),
    );
    expect(bad).toMatchObject({
      code: "bad_request",
      fields: { "affected.0.ranges.0": "2.0.0 does not come before 1.0.0" },
    });
  });

  it("filters rows by status, severity and line state, and lays every project side by side", async () => {
    await createProject(SYSTEM, { slug: "qs", name: "qs", packageName: "qs" });
    await replaceLines(SYSTEM, "qs", {
      lines: [{ name: "6.x", range: ">=6.0.0 <7.0.0-0", latest: "6.13.0", status: "MAINTAINED" }],
    });
    const critical = await submitReport({
      title: "Critical in express",
      body: "b",
      reporterEmail: "r@example.org",
      project: "express",
    });
    await setAffected(SYSTEM, critical.key, { affected: [{ package: "express", ranges: [{ introduced: "4.0.0" }] }] });
    await updateReport(SYSTEM, critical.key, {
      version: (await getReport(SYSTEM, critical.key)).version,
      severity: "CRITICAL",
    });
    const inQs = await submitReport({ title: "Low in qs", body: "b", reporterEmail: "r@example.org", project: "qs" });
    await updateReport(SYSTEM, inQs.key, { version: (await getReport(SYSTEM, inQs.key)).version, severity: "LOW" });

    // the board card names the lines left open
    expect((await getReportSummary(SYSTEM, critical.key)).affectedLines).toEqual([
      { line: "4.x", state: "affected" },
      { line: "5.x", state: "affected" },
      { line: "6.x", state: "affected" },
    ]);
    const keys = (m: { rows: { key: string }[] }) => m.rows.map((r) => r.key);
    expect(keys(await getMatrix(SYSTEM, "express", { severity: ["CRITICAL"] }))).toEqual([critical.key]);
    const affected = await getMatrix(SYSTEM, "express", { state: ["affected"] });
    expect(keys(affected)).toContain(critical.key);
    for (const row of affected.rows) expect(Object.values(row.cells).some((c) => c.state === "affected")).toBe(true);
    expect(keys(await getMatrix(SYSTEM, "express", { severity: ["CRITICAL"], state: ["fixed"] }))).toEqual([]);
    expect(keys(await getMatrix(SYSTEM, "express", { status: ["CLOSED"] }))).not.toContain(critical.key);

    expect((await getAllMatrices(SYSTEM, { severity: ["CRITICAL"] })).map((m) => [m.project, keys(m)])).toEqual([
      ["express", [critical.key]],
      ["qs", []],
    ]);
    const all = await getAllMatrices(SYSTEM);
    expect(all.map((m) => m.project)).toEqual(["express", "qs"]);
    expect(all[1]!.rows).toEqual([
      {
        key: inQs.key,
        title: "Low in qs",
        status: "NEW",
        severity: "LOW",
        cells: { "6.x": { state: "unknown", version: null, overridden: false } },
      },
    ]);
  });

  it("counts a maintained line past its end-of-life date as end of life", async () => {
    await createProject(SYSTEM, { slug: "old", name: "Old", packageName: "old-lib" });
    await replaceLines(SYSTEM, "old", {
      lines: [
        { name: "1.x", range: ">=1.0.0 <2.0.0-0", latest: "1.9.0", status: "MAINTAINED", eolDate: "2020-01-01" },
        { name: "2.x", range: ">=2.0.0 <3.0.0-0", latest: "2.1.0", status: "MAINTAINED", eolDate: "2099-01-01" },
      ],
    });
    const { key } = await submitReport({ title: "Old bug", body: "b", reporterEmail: "r@example.org", project: "old" });
    await setAffected(SYSTEM, key, { affected: [{ package: "old-lib", ranges: [{ introduced: "0" }] }] });
    const matrix = await getMatrix(SYSTEM, "old");
    expect(matrix.lines).toEqual([
      { name: "2.x", range: ">=2.0.0 <3.0.0-0", latest: "2.1.0", status: "MAINTAINED", eolDate: "2099-01-01" },
      { name: "1.x", range: ">=1.0.0 <2.0.0-0", latest: "1.9.0", status: "EOL", eolDate: "2020-01-01" },
    ]);
    expect(matrix.rows[0]!.cells).toEqual({
      "2.x": { state: "affected", version: null, overridden: false },
      "1.x": { state: "wont_fix", version: null, overridden: false },
    });
    // the stored status is what the admin set
    expect((await listProjects(SYSTEM)).find((p) => p.slug === "old")!.lines.map((l) => l.status)).toEqual([
      "MAINTAINED",
      "MAINTAINED",
    ]);
  });
});
