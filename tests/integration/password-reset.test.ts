import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as confirmRoute } from "@/app/api/v1/password-reset/confirm/route";
import { POST as requestRoute } from "@/app/api/v1/password-reset/route";
import { resolveSession, startSession } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/infra/db";
import { deliverOutbox } from "@/lib/server/mail/deliver";
import { listOutbox } from "@/lib/server/mail/inbound";
import {
  confirmPasswordReset,
  requestPasswordReset,
  sendPasswordReset,
  setPasswordFromShell,
} from "@/lib/server/users/password-reset";
import { verifyCredentials } from "@/lib/server/users/users";
import { TEST_PASSWORD, createActor } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";
import { postJson } from "@/tests/helpers/http";
import { startSmtp } from "@/tests/helpers/smtp";

// Password reset by mail, through the use cases and the two public routes,
// with a real SMTP peer.

const NEW_PASSWORD = "a-brand-new-password-42";
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let clients = 0;
const client = () => `test-client-${++clients}`;

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

/** The reset link in the last mail the peer received for `to`. */
async function mailedToken(to: string): Promise<string> {
  await deliverOutbox({ smtpUrl: smtp.url, limit: 100 });
  const mail = smtp.received.filter((m) => JSON.stringify(m.to).includes(to)).at(-1);
  const match = /\/reset\/([A-Za-z0-9_-]{43})\b/.exec(mail?.text ?? "");
  expect(match, `a reset link mailed to ${to}`).toBeTruthy();
  return match![1]!;
}

const post = postJson;

describe("password reset", () => {
  it("answers 202 for any address, after about the same time, and mails only a real account", async () => {
    const rita = await createActor("VIEWER", { email: "rita@example.com" });
    await post(requestRoute, { email: "warm-up@example.com" }); // the first request opens the rate-limit store
    const before = await db().outboundMail.count();
    const t0 = Date.now();
    const unknown = await post(requestRoute, { email: "nobody@example.com" });
    const t1 = Date.now();
    const known = await post(requestRoute, { email: "Rita@Example.com" });
    const t2 = Date.now();
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(await unknown.text()).toBe("");
    expect(t1 - t0).toBeGreaterThanOrEqual(390);
    expect(t2 - t1).toBeGreaterThanOrEqual(390);
    // both wait for the same floor; on a loaded test machine only a rough bound holds
    expect(Math.abs(t2 - t1 - (t1 - t0))).toBeLessThan(1000);
    expect(await db().outboundMail.count()).toBe(before + 1);

    const token = await mailedToken("rita@example.com");
    const row = await db().passwordReset.findFirstOrThrow({
      where: { userId: rita.user.id },
      omit: { tokenHash: false },
    });
    // only the hash is kept, and the link lives an hour
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(59 * 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1000);
    // sent: the link is no longer readable in the outbox
    const sent = await db().outboundMail.findFirstOrThrow({ where: { toAddr: "rita@example.com" } });
    expect(sent.status).toBe("SENT");
    expect(sent.text).not.toContain(token);
  });

  it("sets the password once per link, ends every session and voids the user's other links", async () => {
    const sam = await createActor("HANDLER", { email: "sam@example.com" });
    await requestPasswordReset({ email: "sam@example.com" }, client());
    const first = await mailedToken("sam@example.com");
    await requestPasswordReset({ email: "sam@example.com" }, client());
    const second = await mailedToken("sam@example.com");
    const signedInBefore = await startSession(sam.user.id, {});
    expect(await resolveSession(signedInBefore)).not.toBeNull();

    // a weak password is refused without using the link up
    await expectDomainError(confirmPasswordReset({ token: second, password: "short" }, client()), "bad_request");
    const res = await post(confirmRoute, { token: second, password: NEW_PASSWORD });
    expect(res.status).toBe(204);
    expect(await verifyCredentials("sam@example.com", NEW_PASSWORD)).not.toBeNull();
    expect(await verifyCredentials("sam@example.com", TEST_PASSWORD)).toBeNull();
    expect(await resolveSession(signedInBefore)).toBeNull();

    for (const token of [second, first]) {
      const again = await post(confirmRoute, { token, password: NEW_PASSWORD });
      expect(again.status).toBe(410);
      expect(await again.json()).toMatchObject({ error: { code: "gone", fields: { token: expect.any(String) } } });
    }
  });

  it("refuses malformed, unknown and expired links with the documented errors", async () => {
    const malformed = await post(confirmRoute, { token: "abc", password: NEW_PASSWORD });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { code: "bad_request", fields: { token: expect.any(String) } },
    });
    const unknown = await post(confirmRoute, { token: "A".repeat(43), password: NEW_PASSWORD });
    expect(unknown.status).toBe(400);

    await createActor("VIEWER", { email: "eve@example.com" });
    await requestPasswordReset({ email: "eve@example.com" }, client());
    const token = await mailedToken("eve@example.com");
    await db().passwordReset.updateMany({
      where: { user: { email: "eve@example.com" } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expectDomainError(confirmPasswordReset({ token, password: NEW_PASSWORD }, client()), "gone");
  });

  it("lets one of two simultaneous uses of a link win", async () => {
    await createActor("VIEWER", { email: "twin@example.com" });
    await requestPasswordReset({ email: "twin@example.com" }, client());
    const token = await mailedToken("twin@example.com");
    const results = await Promise.allSettled([
      confirmPasswordReset({ token, password: NEW_PASSWORD }, client()),
      confirmPasswordReset({ token, password: "another-new-password-7" }, client()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("limits requests per address with 429, and mails one account at most 3 links an hour, silently", async () => {
    await createActor("VIEWER", { email: "flood@example.com" });
    const before = await db().outboundMail.count({ where: { toAddr: "flood@example.com" } });
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: "flood@example.com" }, client());
    expect((await db().outboundMail.count({ where: { toAddr: "flood@example.com" } })) - before).toBe(3);
    const address = client();
    for (let i = 0; i < 10; i++) await requestPasswordReset({ email: `x${i}@example.com` }, address);
    await expectDomainError(requestPasswordReset({ email: "x@example.com" }, address), "rate_limited");
  });

  it("lets an admin send a link from Settings → Users, and nobody else; hides it in the outbox", async () => {
    const admin = await createActor("ADMIN", { email: "boss@example.com", name: "Boss" });
    const handler = await createActor("HANDLER", { email: "han@example.com" });
    await expectDomainError(sendPasswordReset(handler, admin.user.id), "forbidden");
    await expectDomainError(sendPasswordReset(null, admin.user.id), "unauthenticated");
    expect(await sendPasswordReset(admin, handler.user.id)).toEqual({ email: "han@example.com" });
    const pending = (await listOutbox(admin)).find((m) => m.toAddr === "han@example.com")!;
    expect(pending.text).not.toMatch(/\/reset\//);
    await deliverOutbox({ smtpUrl: smtp.url, limit: 100 });
    const mail = smtp.received.filter((m) => JSON.stringify(m.to).includes("han@example.com")).at(-1)!;
    expect(mail.text).toContain("Boss sent you a link to set a new password");
    await db().user.update({ where: { id: handler.user.id }, data: { disabled: true } });
    await expectDomainError(sendPasswordReset(admin, handler.user.id), "rule_violated");
  });

  it("sets a password from the shell and ends the user's sessions", async () => {
    const cli = await createActor("VIEWER", { email: "cli@example.com" });
    const signedInBefore = await startSession(cli.user.id, {});
    await expectDomainError(setPasswordFromShell("cli@example.com", "short"), "bad_request");
    await expectDomainError(setPasswordFromShell("ghost@example.com", NEW_PASSWORD), "not_found");
    await setPasswordFromShell("CLI@example.com", NEW_PASSWORD);
    expect(await verifyCredentials("cli@example.com", NEW_PASSWORD)).not.toBeNull();
    expect(await resolveSession(signedInBefore)).toBeNull();
    expect(await db().auditLog.count({ where: { entityId: cli.user.id, action: "user.password_set" } })).toBe(1);
  });
});
