import { describe, expect, it } from "vitest";

import { resolveSession } from "@/lib/server/auth/sessions";
import {
  ADDRESS_CAP,
  FREE_FAILURES,
  MAX_DELAY_SECONDS,
  attemptSignIn,
  delayAfterFailures,
} from "@/lib/server/auth/sign-in";
import { db } from "@/lib/server/infra/db";
import { TEST_PASSWORD, createActor } from "@/tests/helpers/actors";

// Sign-in limits that cannot be turned against users (issue 14 §6): failures
// only, per account and address together, with a growing wait; a separate cap
// per address; every failure and success audited with the address.

const WRONG = "not-the-password-at-all";
const SEC = 1000;

describe("sign-in limits", () => {
  it("waits longer after each failure past the free ones, up to 15 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(delayAfterFailures)).toEqual([0, 0, 0, 1, 2, 4, 8, 16]);
    expect(FREE_FAILURES).toBe(3);
    expect(delayAfterFailures(40)).toBe(MAX_DELAY_SECONDS);
    expect(MAX_DELAY_SECONDS).toBe(900);
  });

  it("counts failures, not attempts, and a success clears the pair", async () => {
    const ana = await createActor("HANDLER", { email: "ana@example.com" });
    const t0 = new Date(Date.now() - 3600 * SEC);
    const meta = { address: "192.0.2.10", userAgent: "curl/8.5.0" };
    // many good sign-ins in a row: nothing waits
    for (let i = 0; i < 6; i++) expect((await attemptSignIn("ana@example.com", TEST_PASSWORD, meta, t0)).ok).toBe(true);

    for (let i = 0; i < FREE_FAILURES; i++)
      expect(await attemptSignIn("ana@example.com", WRONG, meta, t0)).toEqual({ ok: false, reason: "failed" });
    const fourth = new Date(t0.getTime() + SEC);
    expect(await attemptSignIn("ana@example.com", WRONG, meta, fourth)).toEqual({ ok: false, reason: "failed" });
    // now the pair waits 1 s: even the right password is not looked at
    expect(await attemptSignIn("ANA@example.com ", TEST_PASSWORD, meta, fourth)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 1,
    });
    const fifth = new Date(fourth.getTime() + 1.5 * SEC);
    expect((await attemptSignIn("ana@example.com", WRONG, meta, fifth)).ok).toBe(false);
    expect(await attemptSignIn("ana@example.com", TEST_PASSWORD, meta, fifth)).toMatchObject({
      reason: "throttled",
      retryAfterSeconds: 2,
    });

    // once the wait is over the right password works, and the pair starts from nothing
    const later = new Date(fifth.getTime() + 3 * SEC);
    const ok = await attemptSignIn("ana@example.com", TEST_PASSWORD, meta, later);
    expect(ok).toMatchObject({ ok: true, user: { id: ana.user.id } });
    expect(await resolveSession((ok as { secret: string }).secret)).not.toBeNull();
    for (let i = 0; i < FREE_FAILURES; i++) await attemptSignIn("ana@example.com", WRONG, meta, later);
    expect((await attemptSignIn("ana@example.com", TEST_PASSWORD, meta, later)).ok).toBe(true);
  });

  it("cannot be turned against a user: guesses from elsewhere never stop them signing in", async () => {
    await createActor("VIEWER", { email: "bob@example.com" });
    const now = new Date();
    // an attacker spreads guesses over many addresses, and hammers one
    for (let i = 0; i < 20; i++) await attemptSignIn("bob@example.com", WRONG, { address: `198.51.100.${i}` }, now);
    for (let i = 0; i < 12; i++) await attemptSignIn("bob@example.com", WRONG, { address: "198.51.100.99" }, now);
    expect(await attemptSignIn("bob@example.com", TEST_PASSWORD, { address: "198.51.100.99" }, now)).toMatchObject({
      reason: "throttled",
    });
    // Bob, at home
    expect(await attemptSignIn("bob@example.com", TEST_PASSWORD, { address: "203.0.113.50" }, now)).toMatchObject({
      ok: true,
    });
  });

  it("caps failures per address over all accounts, for the rest of its window", async () => {
    await createActor("VIEWER", { email: "cy@example.com" });
    const spray = { address: "192.0.2.200" };
    const t0 = new Date(Date.now() - 2 * 3600 * SEC);
    // a different account each time: no pair ever waits, the address cap is what stops it
    for (let i = 0; i < ADDRESS_CAP; i++) await attemptSignIn(`nobody-${i}@example.com`, WRONG, spray, t0);
    expect(await attemptSignIn("cy@example.com", TEST_PASSWORD, spray, t0)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 15 * 60,
    });
    expect((await attemptSignIn("cy@example.com", TEST_PASSWORD, { address: "192.0.2.201" }, t0)).ok).toBe(true);
    // the window passes: the address may try again, with a fresh count
    const after = new Date(t0.getTime() + 15 * 60 * SEC + SEC);
    expect((await attemptSignIn("cy@example.com", TEST_PASSWORD, spray, after)).ok).toBe(true);
    expect((await attemptSignIn("nobody-x@example.com", WRONG, spray, after)).ok).toBe(false);
    expect((await attemptSignIn("cy@example.com", TEST_PASSWORD, spray, after)).ok).toBe(true);
  }, 180_000);

  it("audits every failure and success with the address, and never the password", async () => {
    const dee = await createActor("ADMIN", { email: "dee@example.com" });
    const meta = { address: "192.0.2.77", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" };
    await attemptSignIn("dee@example.com", WRONG, meta);
    await attemptSignIn("ghost@example.com", WRONG, meta);
    await attemptSignIn("dee@example.com", TEST_PASSWORD, meta);
    const rows = await db().auditLog.findMany({
      where: { address: "192.0.2.77" },
      orderBy: { at: "asc" },
    });
    expect(rows.map((r) => [r.action, r.entityId, r.actorId, (r.after as { reason?: string }).reason])).toEqual([
      ["signin.failure", dee.user.id, null, "wrong_password"],
      ["signin.failure", "ghost@example.com", null, "unknown_account"],
      ["signin.success", dee.user.id, dee.user.id, undefined],
    ]);
    expect(rows[0]!.actorLabel).toBe("sign-in as dee@example.com");
    expect(JSON.stringify(rows)).not.toContain(WRONG);
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
  });
});
