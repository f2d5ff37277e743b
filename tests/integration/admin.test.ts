import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/server/infra/db";
import { deliverOutbox } from "@/lib/server/mail/deliver";
import { cancelOutboxMail, retryOutboxMail } from "@/lib/server/mail/outbox-admin";
import { createActors } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";
import { startSmtp } from "@/tests/helpers/smtp";

// Settings → Outbox: retry a failed mail, cancel a pending one (admins only).

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let actors: Awaited<ReturnType<typeof createActors>>;

beforeAll(async () => {
  smtp = await startSmtp();
  actors = await createActors();
});
afterAll(async () => {
  await smtp.close();
});

let n = 0;
function mail(status: "PENDING" | "FAILED" | "SENT", subject = `Mail ${++n}`) {
  return db().outboundMail.create({
    data: {
      template: "test",
      toAddr: "someone@example.org",
      subject,
      text: "Hello",
      messageId: `<admin-test-${Date.now()}-${n}@embargo.test>`,
      status,
      attempts: status === "FAILED" ? 8 : 0,
      lastError: status === "FAILED" ? "550 mailbox unavailable" : null,
    },
  });
}

describe("the outbox, by an admin", () => {
  it("retries a failed mail from scratch, and the worker then sends it", async () => {
    const failed = await mail("FAILED", "Retry me");
    const after = await retryOutboxMail(actors.admin, failed.id);
    expect(after).toMatchObject({ id: failed.id, status: "PENDING", attempts: 0 });
    expect(await deliverOutbox({ smtpUrl: smtp.url })).toMatchObject({ sent: 1 });
    expect(smtp.received.at(-1)?.subject).toBe("Retry me");
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "outbox.retry", entityId: failed.id } });
    expect(audit.before).toEqual({ status: "FAILED" });
  });

  it("cancels a pending mail, which is then never sent", async () => {
    await deliverOutbox({ smtpUrl: smtp.url });
    const pending = await mail("PENDING", "Never send me");
    expect(await cancelOutboxMail(actors.admin, pending.id)).toMatchObject({ status: "CANCELLED" });
    expect(await deliverOutbox({ smtpUrl: smtp.url })).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received.map((m) => m.subject)).not.toContain("Never send me");
    expect(await db().auditLog.count({ where: { action: "outbox.cancel", entityId: pending.id } })).toBe(1);
  });

  it("refuses with a conflict what the state does not allow", async () => {
    const sent = await mail("SENT");
    await expectDomainError(retryOutboxMail(actors.admin, sent.id), "conflict", /only a failed mail.*it is sent/i);
    await expectDomainError(cancelOutboxMail(actors.admin, sent.id), "conflict", /only a pending mail/i);
    const failed = await mail("FAILED");
    await expectDomainError(cancelOutboxMail(actors.admin, failed.id), "conflict");
    expect((await db().outboundMail.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("FAILED");
  });

  it("answers not found for an unknown or malformed id", async () => {
    await expectDomainError(retryOutboxMail(actors.admin, "0193f0a0-0000-7000-8000-000000000000"), "not_found");
    await expectDomainError(cancelOutboxMail(actors.admin, "not-an-id"), "not_found");
  });

  it("is for admins only", async () => {
    const failed = await mail("FAILED");
    await expectDomainError(retryOutboxMail(actors.handler, failed.id), "forbidden");
    await expectDomainError(cancelOutboxMail(actors.viewer, failed.id), "forbidden");
    await expectDomainError(retryOutboxMail(null, failed.id), "unauthenticated");
    expect((await db().outboundMail.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("FAILED");
  });
});
