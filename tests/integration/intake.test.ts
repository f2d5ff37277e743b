import { describe, expect, it } from "vitest";

import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { getReport } from "@/lib/server/reports/detail";
import { submitReport } from "@/lib/server/reports/intake";
import { getStatusView } from "@/lib/server/status/view";
import { expectDomainError } from "@/tests/helpers/errors";

const valid = {
  title: "Open redirect in res.location()",
  body: "Steps to reproduce…",
  reporterEmail: "Reporter@Example.com",
  reporterName: "Rae Porter",
};

describe("public intake", () => {
  it("creates a NEW report with a yearly key, a reporter and a working status link", async () => {
    const { key, statusUrl, token } = await submitReport(valid);
    expect(key).toMatch(new RegExp(`^SEC-${new Date().getUTCFullYear()}-\\d{4}$`));
    expect(statusUrl).toMatch(/\/status\/[A-Za-z0-9_-]{43}$/);
    expect(statusUrl.endsWith(token)).toBe(true);

    const report = await getReport(SYSTEM, key);
    expect(report).toMatchObject({
      key,
      status: "NEW",
      resolution: null,
      severity: null,
      version: 1,
      reporter: { email: "reporter@example.com", name: "Rae Porter" },
    });
    expect(report.sla.find((c) => c.clock === "acknowledge")).toMatchObject({ state: "ok", metAt: null });
    const ack = report.sla.find((c) => c.clock === "acknowledge")!;
    expect(Date.parse(ack.dueAt!) - Date.parse(report.receivedAt)).toBe(48 * 3_600_000);

    const view = await getStatusView(token);
    expect(view).toMatchObject({ key, title: valid.title, stage: "received", status: "NEW" });
    expect(JSON.stringify(view)).not.toContain("reporter@example.com");
  });

  it("stores only the token's hash", async () => {
    const { token } = await submitReport(valid);
    const rows = await db().statusToken.findMany({ omit: { tokenHash: false } });
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it("hands out distinct consecutive keys under concurrent intake", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submitReport({ ...valid, title: `Concurrent ${i}` })),
    );
    const seqs = results.map((r) => Number(r.key.split("-")[2])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(20);
    expect(seqs[19]! - seqs[0]!).toBe(19);
  });

  it.each([
    [{ ...valid, title: "" }, "title"],
    [{ ...valid, body: "   " }, "body"],
    [{ ...valid, reporterEmail: "not-an-email" }, "reporterEmail"],
    [{ ...valid, title: "x".repeat(201) }, "title"],
    [{ title: "t", body: "b" }, "reporterEmail"],
  ])("refuses bad input with the field named (%#)", async (input, field) => {
    const error = await expectDomainError(submitReport(input as typeof valid));
    expect(error.code).toBe("bad_request");
    expect(Object.keys(error.fields ?? {})).toContain(field);
  });

  it("refuses a description over 256 KB as too large, and an unknown project, writing nothing", async () => {
    const before = await db().report.count();
    await expectDomainError(submitReport({ ...valid, body: "x".repeat(256 * 1024 + 1) }), "too_large");
    expect((await expectDomainError(submitReport({ ...valid, project: "no-such-project" }))).fields).toHaveProperty(
      "project",
    );
    expect(await db().report.count()).toBe(before);
    expect(await db().reporter.count({ where: { email: "nobody@example.com" } })).toBe(0);
  });

  it("answers 404 for unknown, malformed and revoked status tokens", async () => {
    const { token } = await submitReport(valid);
    for (const bad of [
      "",
      "x",
      "A".repeat(43),
      token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"),
      "../../etc/passwd",
    ]) {
      await expectDomainError(getStatusView(bad), "not_found");
    }
    await db().statusToken.updateMany({ data: { revokedAt: new Date() } });
    await expectDomainError(getStatusView(token), "not_found");
  });

  it("never shows internal notes on the reporter's view", async () => {
    const { key, token } = await submitReport(valid);
    const report = await db().report.findUniqueOrThrow({ where: { key } });
    await db().timelineEvent.createMany({
      data: [
        {
          reportId: report.id,
          kind: "note",
          visibility: "INTERNAL",
          actorType: "USER",
          body: "secret internal analysis",
        },
        {
          reportId: report.id,
          kind: "message",
          visibility: "REPORTER",
          actorType: "USER",
          body: "Thanks, we are looking",
        },
        { reportId: report.id, kind: "message", visibility: "REPORTER", actorType: "REPORTER", body: "Happy to help" },
      ],
    });
    const view = await getStatusView(token);
    expect(view.messages.map((m) => [m.from, m.body])).toEqual([
      ["team", "Thanks, we are looking"],
      ["you", "Happy to help"],
    ]);
    expect(JSON.stringify(view)).not.toContain("secret internal");
  });
});
