import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { REDACTED_STATUS_LINK } from "@/lib/domain/mail-body";
import { db } from "@/lib/server/infra/db";
import { openMailBody } from "@/lib/server/infra/sealed";
import { backoffMs, deliverOutbox } from "@/lib/server/mail/deliver";
import { submitReport } from "@/lib/server/reports/intake";
import { startSmtp } from "@/tests/helpers/smtp";

let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const later = (ms: number) => new Date(Date.now() + ms);

describe("the outbox", () => {
  it("keeps mail pending without SMTP, then delivers it with its Message-ID", async () => {
    const { key, statusUrl } = await submitReport({ title: "Mail me", body: "b", reporterEmail: "mail@example.org" });
    expect(await deliverOutbox({ smtpUrl: "" })).toEqual({ sent: 0, failed: 0 });
    const row = await db().outboundMail.findFirstOrThrow({ where: { report: { key } } });
    expect(row.status).toBe("PENDING");

    expect(await deliverOutbox({ smtpUrl: smtp.url })).toEqual({ sent: 1, failed: 0 });
    const mail = smtp.received.at(-1)!;
    expect(mail.subject).toBe(`[${key}] We received your report: Mail me`);
    expect(mail.text).toContain(statusUrl);
    expect(mail.messageId).toBe(row.messageId);
    const stored = await db().outboundMail.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.status).toBe("SENT");
    // sealed while it waited; once sent, the stored copy keeps no status link
    expect(row.text).toMatch(/^enc1:/);
    expect(openMailBody(row).text).toContain(statusUrl);
    const kept = openMailBody(stored);
    expect(kept.text).not.toContain(statusUrl);
    expect(kept.text).toContain(REDACTED_STATUS_LINK);
    expect(kept.html).not.toContain(statusUrl.split("/status/")[1]);
    // sent once
    expect(await deliverOutbox({ smtpUrl: smtp.url, now: later(60_000) })).toEqual({ sent: 0, failed: 0 });
  });

  it("retries a peer that fails, with backoff, and sends exactly once when it recovers", async () => {
    const { key } = await submitReport({ title: "Flaky peer", body: "b", reporterEmail: "flaky@example.org" });
    const before = smtp.received.length;
    smtp.refuseNext(2);
    expect(await deliverOutbox({ smtpUrl: smtp.url })).toEqual({ sent: 0, failed: 1 });
    const row = await db().outboundMail.findFirstOrThrow({ where: { report: { key } } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toMatch(/451/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + backoffMs(1) - 5_000);

    expect(await deliverOutbox({ smtpUrl: smtp.url })).toEqual({ sent: 0, failed: 0 }); // not due yet
    expect(await deliverOutbox({ smtpUrl: smtp.url, now: later(backoffMs(1) + 1000) })).toEqual({ sent: 0, failed: 1 });
    expect(await deliverOutbox({ smtpUrl: smtp.url, now: later(backoffMs(2) + 60_000) })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(smtp.received.length - before).toBe(1);
    expect(await db().outboundMail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SENT",
      attempts: 3,
    });
  });

  it("keeps mail pending while the peer is down, losing nothing", async () => {
    const { key } = await submitReport({ title: "Peer down", body: "b", reporterEmail: "down@example.org" });
    const result = await deliverOutbox({ smtpUrl: "smtp://127.0.0.1:1" });
    expect(result.failed).toBeGreaterThanOrEqual(1);
    const row = await db().outboundMail.findFirstOrThrow({ where: { report: { key } } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it("retries a claim abandoned by a crashed worker, counting it, and gives up after too many", async () => {
    const { key } = await submitReport({ title: "Crashed worker", body: "b", reporterEmail: "crash@example.org" });
    const row = await db().outboundMail.findFirstOrThrow({ where: { report: { key } } });
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await db().outboundMail.update({
      where: { id: row.id },
      data: { status: "SENDING", lockedAt: longAgo, attempts: 2 },
    });
    expect(await deliverOutbox({ smtpUrl: smtp.url })).toEqual({ sent: 1, failed: 0 });
    expect(await db().outboundMail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SENT",
      attempts: 4,
    });

    const { key: k2 } = await submitReport({ title: "Poison mail", body: "b", reporterEmail: "poison@example.org" });
    const poison = await db().outboundMail.findFirstOrThrow({ where: { report: { key: k2 } } });
    await db().outboundMail.update({
      where: { id: poison.id },
      data: { status: "SENDING", lockedAt: longAgo, attempts: 11 },
    });
    await deliverOutbox({ smtpUrl: smtp.url });
    expect(await db().outboundMail.findUniqueOrThrow({ where: { id: poison.id } })).toMatchObject({ status: "FAILED" });
  });

  it("never sends one mail twice when two workers run at once", async () => {
    await db().outboundMail.updateMany({ where: { status: "PENDING" }, data: { status: "SENT" } });
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        submitReport({ title: `Burst ${i}`, body: "b", reporterEmail: `burst${i}@example.org` }),
      ),
    );
    const before = smtp.received.length;
    const results = await Promise.all([
      deliverOutbox({ smtpUrl: smtp.url }),
      deliverOutbox({ smtpUrl: smtp.url }),
      deliverOutbox({ smtpUrl: smtp.url }),
    ]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(6);
    expect(smtp.received.length - before).toBe(6);
  });
});
