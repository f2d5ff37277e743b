import { beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_POLICY } from "@/lib/domain/sla";
import type { Actor } from "@/lib/server/auth/actor";
import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { receiveEmail } from "@/lib/server/mail/inbound";
import { setAffected, setOverride } from "@/lib/server/matrix/affected";
import { getMatrix } from "@/lib/server/matrix/matrix";
import { createProject, replaceLines } from "@/lib/server/projects/projects";
import { listBoard } from "@/lib/server/reports/board";
import { getReport } from "@/lib/server/reports/detail";
import { listReports } from "@/lib/server/reports/list";
import { updateReport } from "@/lib/server/reports/update";
import { savePolicy } from "@/lib/server/sla/policy";
import { createActor } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";
import { makeReport } from "@/tests/helpers/reports";

// §1 of the daily loop: every report reaches a project. Intake guesses it
// (tagged address, subject, body), a handler moves it, and Unsorted reports
// are visible and held at the release gate.

process.env.INBOUND_ADDRESS = "security@example.org";

let n = 0;
function mail(opts: { to?: string; subject?: string; body?: string; headers?: string[] } = {}) {
  return Buffer.from(
    [
      "From: Ana Lima <ana@research.example>",
      `To: ${opts.to ?? "security@example.org"}`,
      ...(opts.headers ?? []),
      `Subject: ${opts.subject ?? "A vulnerability"}`,
      `Message-ID: <move-${Date.now()}-${++n}@mail.example>`,
      "Date: Sat, 05 Dec 2026 10:00:00 +0000",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      opts.body ?? "Sending a crafted header crashes the server. Steps: send it, watch it fall over.",
      "",
    ].join("\r\n"),
    "utf8",
  );
}

const LINES = [
  { name: "4.x", range: ">=4.0.0 <5.0.0-0", latest: "4.21.2", status: "MAINTAINED" as const },
  { name: "5.x", range: ">=5.0.0 <6.0.0-0", latest: "5.1.0", status: "MAINTAINED" as const },
];

let handler: Actor;

beforeAll(async () => {
  handler = await createActor("HANDLER", { name: "Hana" });
  await createProject(SYSTEM, { slug: "express", name: "Express", packageName: "express" });
  await replaceLines(SYSTEM, "express", { lines: LINES });
  await createProject(SYSTEM, { slug: "body-parser", name: "body-parser", packageName: "body-parser" });
  await replaceLines(SYSTEM, "body-parser", {
    lines: [{ name: "1.x", range: ">=1.0.0 <2.0.0-0", latest: "1.20.3", status: "MAINTAINED" }],
  });
});

const guessEvent = async (key: string) =>
  (await getReport(SYSTEM, key)).timeline.find((e) => e.kind === "project_guessed")?.data ?? null;

describe("a project for every report", () => {
  it("puts a mail to security+express@… in express, and it appears in express's matrix", async () => {
    const { key } = await receiveEmail(mail({ to: "security+express@example.org" }));
    const report = await getReport(SYSTEM, key!);
    expect(report.project).toEqual({ slug: "express", name: "Express" });
    expect(await guessEvent(key!)).toEqual({ project: "express", name: "Express", from: "address" });
    expect((await getMatrix(SYSTEM, "express")).rows.map((r) => r.key)).toContain(key);
  });

  it("reads the tag from Cc and Delivered-To too", async () => {
    const cc = await receiveEmail(mail({ headers: ["Cc: security+body-parser@example.org"] }));
    expect((await getReport(SYSTEM, cc.key!)).project?.slug).toBe("body-parser");
    const delivered = await receiveEmail(mail({ headers: ["Delivered-To: security+express@example.org"] }));
    expect((await getReport(SYSTEM, delivered.key!)).project?.slug).toBe("express");
  });

  it("guesses from the subject, then the body, naming exactly one package", async () => {
    const bySubject = await receiveEmail(mail({ subject: "ReDoS in body-parser" }));
    expect(await guessEvent(bySubject.key!)).toMatchObject({ project: "body-parser", from: "subject" });
    const byBody = await receiveEmail(mail({ body: "res.redirect() in express follows any URL. Steps: …" }));
    expect(await guessEvent(byBody.key!)).toMatchObject({ project: "express", from: "body" });
    const both = await receiveEmail(mail({ body: "express and body-parser both misparse this." }));
    expect((await getReport(SYSTEM, both.key!)).project).toBeNull();
    expect(await guessEvent(both.key!)).toBeNull();
  });

  it("guesses on the web form when the reporter picks no project, and not over their choice", async () => {
    const guessed = await makeReport({ title: "Crash in body-parser", body: "Details" });
    expect((await getReport(SYSTEM, guessed.key)).project?.slug).toBe("body-parser");
    const chosen = await makeReport({ title: "Crash in body-parser", body: "Details", project: "express" });
    expect((await getReport(SYSTEM, chosen.key)).project?.slug).toBe("express");
    expect(await guessEvent(chosen.key)).toBeNull();
  });

  it("leaves a mail naming no project Unsorted; after a handler picks express it is in the matrix", async () => {
    const { key } = await receiveEmail(mail());
    let report = await getReport(SYSTEM, key!);
    expect(report.project).toBeNull();
    expect((await getMatrix(SYSTEM, "express")).rows.map((r) => r.key)).not.toContain(key);
    const unsorted = await listReports(handler, { project: "none", limit: 200 });
    expect(unsorted.items.map((r) => r.key)).toContain(key);
    expect(unsorted.items.every((r) => r.project === null)).toBe(true);
    const board = await listBoard(handler, { project: "none" });
    expect(board.columns.NEW.items.map((r) => r.key)).toContain(key);

    await updateReport(handler, key!, { version: report.version, project: "express" });
    report = await getReport(SYSTEM, key!);
    expect(report.project?.slug).toBe("express");
    expect(report.matrix.map((c) => c.line)).toEqual(["4.x", "5.x"]);
    expect((await getMatrix(SYSTEM, "express")).rows.map((r) => r.key)).toContain(key);
    expect((await listReports(handler, { project: "none", limit: 200 })).items.map((r) => r.key)).not.toContain(key);
    const moved = report.timeline.find((e) => e.kind === "project_changed");
    expect(moved).toMatchObject({ actor: "Hana", data: { from: null, to: "express", toName: "Express" } });
  });

  it("moving away drops the old package's ranges and overrides, keeps them in the event, and keeps the clocks' promise", async () => {
    await savePolicy(SYSTEM, {
      ...DEFAULT_POLICY,
      project: "body-parser",
      acknowledgeHours: 24,
      calendar: "CALENDAR",
      timeZone: "UTC",
      holidays: [],
    });
    const { key } = await makeReport({ project: "express" });
    const before = await getReport(SYSTEM, key);
    await setAffected(handler, key, {
      version: before.version,
      affected: [{ package: "express", ranges: [{ introduced: "4.0.0", fixed: "4.21.3" }] }],
    });
    await setOverride(handler, key, "5.x", { version: before.version + 1, state: "not_affected", note: "checked" });
    const withCard = (await listBoard(handler, { project: "express" })).columns.NEW.items.find((r) => r.key === key);
    expect(withCard?.affectedLines).toEqual([{ line: "4.x", state: "fix_pending" }]);
    const ready = await getReport(SYSTEM, key);
    const ackDue = ready.sla.find((c) => c.clock === "acknowledge")?.dueAt;

    await updateReport(handler, key, { version: ready.version, project: "body-parser" });
    const after = await getReport(SYSTEM, key);
    expect(after.project?.slug).toBe("body-parser");
    expect(after.affected).toEqual([]);
    expect(await db().matrixOverride.count({ where: { report: { key } } })).toBe(0);
    expect(after.matrix).toEqual([{ line: "1.x", state: "unknown", version: null }]);
    // the promise made at receipt (48 h) stays, though body-parser now promises 24 h
    expect(after.sla.find((c) => c.clock === "acknowledge")?.dueAt).toBe(ackDue);
    const card = (await listBoard(handler, { project: "body-parser" })).columns.NEW.items.find((r) => r.key === key);
    expect(card?.project?.slug).toBe("body-parser");
    expect((await getMatrix(SYSTEM, "express")).rows.map((r) => r.key)).not.toContain(key);
    expect(after.timeline.findLast((e) => e.kind === "project_changed")?.data).toEqual({
      from: "express",
      fromName: "Express",
      to: "body-parser",
      toName: "body-parser",
      removedRanges: [{ package: "express", ranges: [{ introduced: "4.0.0", fixed: "4.21.3" }] }],
      removedOverrides: ["5.x"],
    });

    await expectDomainError(updateReport(handler, key, { version: after.version, project: "nope" }), "bad_request", {
      project: "Unknown project",
    });
    await expectDomainError(updateReport(handler, key, { version: before.version, project: "express" }), "conflict");
    const viewer = await createActor("VIEWER");
    await expectDomainError(updateReport(viewer, key, { version: after.version, project: null }), "forbidden");
    await updateReport(handler, key, { version: after.version, project: null });
    expect((await getReport(SYSTEM, key)).project).toBeNull();
  });

  it("holds an Unsorted report at the release gate while projects exist", async () => {
    const { key } = await makeReport({ title: "Nothing named here" });
    let report = await getReport(SYSTEM, key);
    expect(report.project).toBeNull();
    await updateReport(handler, key, {
      version: report.version,
      status: "CONFIRMED",
      assignee: (handler as Actor & { kind: "user" }).user.email,
      severity: "HIGH",
    });
    report = await getReport(SYSTEM, key);
    await updateReport(handler, key, { version: report.version, status: "FIXING" });
    report = await getReport(SYSTEM, key);
    await expectDomainError(
      updateReport(handler, key, { version: report.version, status: "RELEASE_PENDING" }),
      "rule_violated",
      "Release pending needs the report in a project: its release lines say what must be fixed. Pick the project first.",
    );
    await updateReport(handler, key, { version: report.version, project: "express" });
    report = await getReport(SYSTEM, key);
    await expectDomainError(
      updateReport(handler, key, { version: report.version, status: "RELEASE_PENDING" }),
      "rule_violated",
      /Not yet: 4\.x, 5\.x/,
    );
  });
});
