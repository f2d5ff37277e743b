import { beforeAll, describe, expect, it } from "vitest";

import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { receiveEmail } from "@/lib/server/mail/inbound";
import { setAffected } from "@/lib/server/matrix/affected";
import { getAllMatrices, getMatrix } from "@/lib/server/matrix/matrix";
import { suggestLinesFromNpm } from "@/lib/server/projects/npm-suggest";
import { createProject, listProjectsView, listPublicProjects, updateProject } from "@/lib/server/projects/projects";
import { listBoard } from "@/lib/server/reports/board";
import { listReports } from "@/lib/server/reports/list";
import { createActors } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";
import { makeReport } from "@/tests/helpers/reports";

// Settings → Projects: rename, package and ecosystem, archive. An archived
// project leaves the board's and the matrix's default views, the public form
// and the project guess, and keeps its reports.

process.env.INBOUND_ADDRESS = "security@example.org";

let actors: Awaited<ReturnType<typeof createActors>>;

beforeAll(async () => {
  actors = await createActors();
  await createProject(SYSTEM, { slug: "widget", name: "Widget", packageName: "widget" });
  await createProject(SYSTEM, { slug: "gadget", name: "Gadget", packageName: "gadget-lib" });
});

const boardKeys = async (query = {}) =>
  Object.values((await listBoard(SYSTEM, query)).columns).flatMap((c) => c.items.map((i) => i.key));

describe("editing a project", () => {
  it("renames it and changes its package and ecosystem; the slug stays", async () => {
    const edited = await updateProject(actors.admin, "widget", {
      name: "Widget Core",
      packageName: "widget-core",
      ecosystem: "PyPI",
      repositoryUrl: "https://example.org/widget",
    });
    expect(edited).toMatchObject({
      slug: "widget",
      name: "Widget Core",
      packageName: "widget-core",
      ecosystem: "PyPI",
      repositoryUrl: "https://example.org/widget",
      archivedAt: null,
    });
    // an empty value clears an optional field; a field not sent is kept
    expect(await updateProject(actors.admin, "widget", { repositoryUrl: "", ecosystem: "npm" })).toMatchObject({
      repositoryUrl: null,
      packageName: "widget-core",
      ecosystem: "npm",
    });
    const audit = await db().auditLog.findMany({ where: { action: "project.update" }, orderBy: { at: "asc" } });
    expect(audit).toHaveLength(2);
    expect(audit[0]!.before).toMatchObject({ name: "Widget", packageName: "widget", ecosystem: "npm" });
  });

  it("refuses a package name another project has, bad input, an unknown project and non-admins", async () => {
    await expectDomainError(updateProject(actors.admin, "widget", { packageName: "gadget-lib" }), "conflict", {
      packageName: "Already in use",
    });
    await expectDomainError(updateProject(actors.admin, "widget", { ecosystem: "<npm>" }), "bad_request");
    await expectDomainError(updateProject(actors.admin, "widget", { name: "" }), "bad_request");
    await expectDomainError(
      updateProject(actors.admin, "widget", { repositoryUrl: "javascript:alert(1)" }),
      "bad_request",
    );
    await expectDomainError(updateProject(actors.admin, "nope", { name: "X" }), "not_found");
    await expectDomainError(updateProject(actors.handler, "widget", { name: "X" }), "forbidden");
    await expectDomainError(updateProject(actors.viewer, "widget", { archived: true }), "forbidden");
  });

  it("writes new ranges in the project's ecosystem, and asks npm only for an npm project", async () => {
    await updateProject(actors.admin, "gadget", { ecosystem: "crates.io" });
    const { key } = await makeReport({ project: "gadget" });
    await setAffected(actors.handler, key, {
      affected: [{ package: "gadget-lib", ranges: [{ introduced: "1.0.0" }] }],
    });
    const range = await db().affectedRange.findFirstOrThrow({ where: { report: { key } } });
    expect(range.ecosystem).toBe("crates.io");
    await expectDomainError(suggestLinesFromNpm(actors.admin, "gadget"), "rule_violated", { ecosystem: "Not npm" });
    await updateProject(actors.admin, "gadget", { ecosystem: "npm" });
  });
});

describe("archiving a project", () => {
  it("takes it out of the default views and keeps its reports; naming it still shows them", async () => {
    await createProject(SYSTEM, { slug: "legacy", name: "Legacy", packageName: "legacy-lib" });
    const { key } = await makeReport({ project: "legacy", title: "Old bug in legacy" });
    const live = await makeReport({ project: "widget" });
    expect(await boardKeys()).toContain(key);

    const archived = await updateProject(actors.admin, "legacy", { archived: true });
    expect(archived.archivedAt).toEqual(expect.any(String));
    expect(archived.openReports).toBe(1);
    expect((await db().auditLog.findFirst({ where: { action: "project.archive" } }))?.entityId).toBeTruthy();

    // board and matrix by default: gone; named: there
    expect(await boardKeys()).not.toContain(key);
    expect(await boardKeys()).toContain(live.key);
    expect(await boardKeys({ project: "legacy" })).toContain(key);
    expect((await getAllMatrices(SYSTEM)).map((m) => m.project)).not.toContain("legacy");
    expect((await getMatrix(SYSTEM, "legacy")).project).toBe("legacy");
    // the public form and the report page's picker no longer offer it; the API and Settings still list it
    expect((await listPublicProjects()).map((p) => p.slug)).not.toContain("legacy");
    expect((await listProjectsView(actors.viewer)).find((p) => p.slug === "legacy")?.archivedAt).toBeTruthy();
    // the report list (and so the API) still finds the report
    expect((await listReports(SYSTEM, { project: "legacy" })).items.map((r) => r.key)).toEqual([key]);
  });

  it("no longer guesses an archived project for new mail", async () => {
    const result = await receiveEmail(
      Buffer.from(
        [
          "From: Ana <ana@research.example>",
          "To: security+legacy@example.org",
          "Subject: legacy-lib crashes",
          `Message-ID: <archived-guess-${Date.now()}@research.example>`,
          "",
          "The legacy-lib parser crashes on long input.",
        ].join("\r\n"),
      ),
    );
    const report = await db().report.findUniqueOrThrow({ where: { key: result.key! }, select: { projectId: true } });
    expect(report.projectId).toBeNull();
  });

  it("brings it back, and archiving twice keeps the first date", async () => {
    const first = await updateProject(actors.admin, "legacy", { archived: true });
    const again = await updateProject(actors.admin, "legacy", { archived: true });
    expect(again.archivedAt).toBe(first.archivedAt);
    const back = await updateProject(actors.admin, "legacy", { archived: false });
    expect(back.archivedAt).toBeNull();
    expect((await getAllMatrices(SYSTEM)).map((m) => m.project)).toContain("legacy");
    expect((await listPublicProjects()).map((p) => p.slug)).toContain("legacy");
  });
});
