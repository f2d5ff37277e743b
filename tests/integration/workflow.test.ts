import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { getReport } from "@/lib/server/reports/detail";
import { submitReport } from "@/lib/server/reports/intake";
import { postMessage } from "@/lib/server/reports/messages";
import { updateReport } from "@/lib/server/reports/update";
import { setCreditPreference } from "@/lib/server/status/credit";
import { postReporterMessage } from "@/lib/server/status/reply";
import { getStatusView } from "@/lib/server/status/view";
import { createActor } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";
import { makeReport } from "@/tests/helpers/reports";

let handler: Actor;
let viewer: Actor;

beforeAll(async () => {
  handler = await createActor("HANDLER", { email: "hana@example.com", name: "Hana Okafor" });
  viewer = await createActor("VIEWER", { email: "vera@example.com", name: "Vera" });
});

const clock = (report: Awaited<ReturnType<typeof getReport>>, name: string) =>
  report.sla.find((c) => c.clock === name)!;

describe("the workflow through the use cases", () => {
  it("acknowledges NEW → TRIAGE, refuses skipping to DISCLOSED, and refuses stale writes", async () => {
    const { key, token } = await makeReport();
    const fresh = await getReport(handler, key);
    expect(clock(fresh, "acknowledge")).toMatchObject({ state: "ok", metAt: null });
    expect(Date.parse(clock(fresh, "acknowledge").dueAt!) - Date.parse(fresh.receivedAt)).toBe(48 * 3_600_000);

    const refused = await expectDomainError(updateReport(handler, key, { version: 1, status: "DISCLOSED" }));
    expect(refused.code).toBe("rule_violated");
    expect(refused.message).toMatch(/disclosed from Release pending/);

    await updateReport(handler, key, { version: 1, status: "TRIAGE" });
    const acked = await getReport(handler, key);
    expect(acked).toMatchObject({ status: "TRIAGE", version: 2 });
    expect(acked.acknowledgedAt).not.toBeNull();
    expect(clock(acked, "acknowledge")).toMatchObject({ state: "met", metAt: acked.acknowledgedAt });
    const response = clock(acked, "response");
    expect(Date.parse(response.dueAt!) - Date.parse(acked.acknowledgedAt!)).toBe(48 * 3_600_000);
    expect(response.state).toBe("ok");

    // the acknowledgment reached the reporter (once), without a second status link
    const view = await getStatusView(token);
    expect(view.stage).toBe("acknowledged");
    expect(view.messages).toHaveLength(1);
    const mails = await db().outboundMail.findMany({
      where: { report: { key }, template: { not: { startsWith: "team_" } } },
      orderBy: { createdAt: "asc" },
    });
    expect(mails.map((m) => m.template)).toEqual(["received", "acknowledgment"]);
    expect(mails[1]!.text).not.toContain("/status/");

    const stale = await expectDomainError(
      updateReport(handler, key, { version: 1, status: "CLOSED", resolution: "REJECTED" }),
    );
    expect(stale.code).toBe("conflict");
    expect(stale.message).toMatch(/changed by Hana Okafor/);
    expect((await getReport(handler, key)).status).toBe("TRIAGE");
  });

  it("meets the detailed-response clock with the first reporter-visible message, not with a note", async () => {
    const { key, token } = await makeReport();
    await updateReport(handler, key, { version: 1, status: "TRIAGE" });
    await postMessage(handler, key, { body: "Internal: reproduced on 4.x", visibility: "internal" });
    expect(clock(await getReport(handler, key), "response").state).toBe("ok");
    await postMessage(handler, key, { body: "We confirmed it and are preparing fixes.", visibility: "reporter" });
    const report = await getReport(handler, key);
    expect(clock(report, "response").state).toBe("met");

    await postReporterMessage(token, { body: "Thanks! Here is a second PoC." }, "203.0.113.1");
    const view = await getStatusView(token);
    expect(view.messages.map((m) => m.from)).toEqual(["team", "team", "you"]);
    expect(JSON.stringify(view)).not.toContain("reproduced on 4.x");
    const timeline = (await getReport(handler, key)).timeline;
    expect(timeline.find((e) => e.body === "Thanks! Here is a second PoC.")).toMatchObject({
      visibility: "reporter",
      actor: "Rae",
    });
    expect(timeline.find((e) => e.body?.startsWith("Internal"))).toMatchObject({
      visibility: "internal",
      kind: "note",
    });
  });

  it("confirms only with a primary handler and a severity", async () => {
    const { key } = await makeReport();
    await updateReport(handler, key, { version: 1, status: "TRIAGE" });
    const refused = await expectDomainError(updateReport(handler, key, { version: 2, status: "CONFIRMED" }));
    expect(refused).toMatchObject({
      code: "rule_violated",
      message: "Confirming needs a primary handler and a severity.",
    });
    await updateReport(handler, key, {
      version: 2,
      status: "CONFIRMED",
      assignee: "hana@example.com",
      cvssVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    });
    const report = await getReport(handler, key);
    expect(report).toMatchObject({
      status: "CONFIRMED",
      severity: "CRITICAL",
      cvss: { score: 9.8 },
      assignee: { email: "hana@example.com" },
    });
    expect(report.confirmedAt).not.toBeNull();
    expect(clock(report, "fix").dueAt).not.toBeNull();
  });

  it("closes with a resolution, redirects third-party reports to their maintainer, and reopens to Triage", async () => {
    const { key, token } = await makeReport({ title: "Bug in multer" });
    expect((await expectDomainError(updateReport(handler, key, { version: 1, status: "CLOSED" }))).message).toMatch(
      /needs a resolution/,
    );
    expect(
      (await expectDomainError(updateReport(handler, key, { version: 1, status: "CLOSED", resolution: "THIRD_PARTY" })))
        .message,
    ).toMatch(/maintainer/);
    await updateReport(handler, key, {
      version: 1,
      status: "CLOSED",
      resolution: "THIRD_PARTY",
      thirdParty: { name: "multer maintainers", contact: "https://github.com/expressjs/multer/security" },
    });
    const view = await getStatusView(token);
    expect(view.stage).toBe("closed");
    expect(view.messages.at(-1)?.body).toContain("https://github.com/expressjs/multer/security");
    await updateReport(handler, key, { version: 2, status: "TRIAGE" });
    expect(await getReport(handler, key)).toMatchObject({ status: "TRIAGE", resolution: null, closedAt: null });
  });

  it("lets exactly one of 100 concurrent writes of one version win, losing nothing", async () => {
    const { key } = await makeReport({ title: "Contended" });
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => updateReport(handler, key, { version: 1, labels: [`attempt-${i}`] })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(99);
    expect(lost.every((r) => r.reason instanceof DomainError && r.reason.code === "conflict")).toBe(true);
    const report = await getReport(handler, key);
    expect(report.version).toBe(2);
    expect(report.labels).toHaveLength(1);
    expect(
      await db().auditLog.count({
        where: { action: "report.update", entityId: (await db().report.findUniqueOrThrow({ where: { key } })).id },
      }),
    ).toBe(1);
  });

  it("refuses bad input, oversize messages, and viewers", async () => {
    const { key } = await makeReport();
    await expectDomainError(updateReport(handler, key, { version: 1, status: "DONE" as never }), "bad_request");
    expect((await expectDomainError(updateReport(handler, key, { status: "TRIAGE" } as never))).fields).toHaveProperty(
      "version",
    );
    expect(
      (await expectDomainError(updateReport(handler, key, { version: 1, cvssVector: "CVSS:3.1/AV:N" }))).fields,
    ).toHaveProperty("cvssVector");
    expect(
      (await expectDomainError(updateReport(handler, key, { version: 1, assignee: "vera@example.com" }))).fields,
    ).toHaveProperty("assignee");
    expect(
      (await expectDomainError(postMessage(handler, key, { body: "x".repeat(64 * 1024 + 1), visibility: "reporter" })))
        .code,
    ).toBe("too_large");
    await expectDomainError(postMessage(handler, key, { body: "hi", visibility: "public" as never }), "bad_request");
    await expectDomainError(updateReport(viewer, key, { version: 1, status: "TRIAGE" }), "forbidden");
    await expectDomainError(postMessage(viewer, key, { body: "hi", visibility: "internal" }), "forbidden");
    await expectDomainError(updateReport(handler, "SEC-1999-0001", { version: 1, status: "TRIAGE" }), "not_found");
    expect((await getReport(handler, key)).version).toBe(1);
  });

  it("keeps credit per report, so a report filed under someone's address cannot change their other reports' credit", async () => {
    const victim = await submitReport({
      title: "Real report",
      body: "b",
      reporterEmail: "vic@example.org",
      reporterName: "Victoria",
      creditPreference: "NAME",
    });
    const attacker = await submitReport({
      title: "Fake report",
      body: "b",
      reporterEmail: "vic@example.org",
      reporterName: "Mallory",
    });
    await setCreditPreference(attacker.token, { preference: "NONE" });
    expect((await getStatusView(victim.token)).credit).toEqual({ preference: "NAME", name: "Victoria" });
    expect((await getStatusView(attacker.token)).credit).toEqual({ preference: "NONE", name: null });
    expect(JSON.stringify(await getStatusView(attacker.token))).not.toContain("Victoria");
  });

  it("records the hand-ticked policy checklist items and the advisory link", async () => {
    const { key } = await makeReport();
    await updateReport(handler, key, {
      version: 1,
      checklist: ["audited"],
      advisoryUrl: "https://github.com/expressjs/express/security/advisories/GHSA-qw6h-vgh9-j6wx",
    });
    expect(await getReport(handler, key)).toMatchObject({
      checklist: ["audited"],
      advisoryUrl: "https://github.com/expressjs/express/security/advisories/GHSA-qw6h-vgh9-j6wx",
      version: 2,
    });
    expect(
      (await expectDomainError(updateReport(handler, key, { version: 2, checklist: ["done-everything" as never] })))
        .code,
    ).toBe("bad_request");
    // the link is shown to the reporter: only web addresses
    expect(
      (
        await expectDomainError(
          updateReport(handler, key, { version: 2, advisoryUrl: "javascript:alert(document.domain)" }),
        )
      ).fields,
    ).toEqual({ advisoryUrl: "Enter an http(s) URL" });
  });

  it("pauses keep-informed and fix while waiting on the reporter, and resumes when they reply", async () => {
    const { key, token } = await makeReport();
    await updateReport(handler, key, { version: 1, status: "TRIAGE" });
    await updateReport(handler, key, { version: 2, waitingOnReporter: true });
    expect(clock(await getReport(handler, key), "update").state).toBe("paused");
    await postReporterMessage(token, { body: "Here is the info" }, "203.0.113.2");
    const report = await getReport(handler, key);
    expect(report.waitingOnReporter).toBe(false);
    expect(clock(report, "update").state).not.toBe("paused");
  });
});
