import { describe, expect, it } from "vitest";

import { authOptions } from "@/lib/server/auth/session";
import { resolveSession, sessionLimits, startSession } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/infra/db";
import {
  endMyOtherSessions,
  endMySession,
  endUserSessions,
  listMySessions,
  liveSessionCounts,
} from "@/lib/server/users/sessions";
import { updateUser } from "@/lib/server/users/users";
import { createActor } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";

// Sessions with server-side truth (issue 14 §1): a row per sign-in, checked on
// every read, ended by sign-out, idleness, age, an admin, or the user.

const MIN = 60_000;
const HOUR = 60 * MIN;
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

/** The actor a request with this session secret is, as sessionActor() builds it. */
async function actorOf(secret: string) {
  const live = await resolveSession(secret);
  expect(live, "a live session").not.toBeNull();
  return { kind: "user" as const, user: live!.user, via: "session" as const, sessionId: live!.sessionId };
}

describe("sessions", () => {
  it("keeps the defaults the issue names: 480 idle minutes, 72 hours at most, last-seen once a minute", () => {
    expect(sessionLimits()).toEqual({ idleMs: 480 * MIN, maxMs: 72 * HOUR, touchMs: MIN });
  });

  it("records a sign-in with its address and browser, and stores only the secret's hash", async () => {
    const ada = await createActor("HANDLER");
    const secret = await startSession(ada.user.id, { address: "127.0.0.9", userAgent: CHROME });
    const row = await db().session.findFirstOrThrow({ where: { userId: ada.user.id }, omit: { tokenHash: false } });
    expect(row).toMatchObject({ address: "127.0.0.9", userAgent: CHROME });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(await resolveSession(secret)).toEqual({ sessionId: row.id, user: ada.user });
    for (const bad of [undefined, "", "x".repeat(43), secret.slice(1), 42])
      expect(await resolveSession(bad)).toBeNull();
  });

  it("ends a session idle for SESSION_IDLE_MINUTES, and writes last-seen at most once a minute", async () => {
    const bo = await createActor("VIEWER");
    const t0 = new Date(Date.now() - 10 * HOUR);
    const secret = await startSession(bo.user.id, {}, t0);
    const seen = async () => (await db().session.findFirstOrThrow({ where: { userId: bo.user.id } })).lastSeenAt;

    expect(await resolveSession(secret, new Date(t0.getTime() + 30_000))).not.toBeNull();
    expect(await seen()).toEqual(t0); // under a minute: no write
    const t1 = new Date(t0.getTime() + 7 * HOUR);
    expect(await resolveSession(secret, t1)).not.toBeNull();
    expect(await seen()).toEqual(t1);
    // 479 idle minutes later it still works; 480 minutes after the last use it is gone for good
    expect(await resolveSession(secret, new Date(t1.getTime() + 479 * MIN))).not.toBeNull();
    const t2 = new Date(t1.getTime() + 479 * MIN);
    expect(await resolveSession(secret, new Date(t2.getTime() + 480 * MIN))).toBeNull();
    expect(await db().session.count({ where: { userId: bo.user.id } })).toBe(0);
    expect(await resolveSession(secret, t2)).toBeNull();
  });

  it("ends a session SESSION_MAX_HOURS after sign-in, however busy", async () => {
    const cy = await createActor("VIEWER");
    const t0 = new Date(Date.now() - 80 * HOUR);
    const secret = await startSession(cy.user.id, {}, t0);
    for (let h = 1; h < 72; h += 5)
      expect(await resolveSession(secret, new Date(t0.getTime() + h * HOUR))).not.toBeNull();
    expect(await resolveSession(secret, new Date(t0.getTime() + 72 * HOUR))).toBeNull();
  });

  it("checks the row in next-auth's own token callback, so GET /api/auth/session ends with it", async () => {
    const di = await createActor("HANDLER");
    const jwt = authOptions.callbacks!.jwt!;
    const call = (token: Record<string, unknown>, user?: Record<string, unknown>) =>
      jwt({ token, user, account: null } as unknown as Parameters<typeof jwt>[0]);
    const secret = await startSession(di.user.id, {});
    // at sign-in the token keeps only the session secret: no user id, name or e-mail in the cookie
    const signedIn = await call(
      { sub: di.user.id, name: "Di", email: "di@example.com" },
      { id: di.user.id, sid: secret },
    );
    expect(signedIn).toEqual({ sid: secret });
    expect(await call({ ...signedIn, iat: 1 })).toMatchObject({ sid: secret });
    // sign-out deletes the row: the same token, re-issued or not, is refused
    await authOptions.events!.signOut!({ token: { ...signedIn } } as never);
    await expect(call({ ...signedIn, iat: Math.floor(Date.now() / 1000) + 5 })).rejects.toThrow(/signed out/);
    // a cookie from before sessions had rows (user id and sign-in instant only) is no session
    await expect(call({ sub: di.user.id, signedInAt: Date.now() })).rejects.toThrow(/signed out/);
    expect(authOptions.session!.maxAge).toBe(72 * 3600);
  });

  it("lists your sessions with this one marked, ends one or all others, and no one else's", async () => {
    const eve = await createActor("HANDLER");
    const [a, b, c] = [
      await startSession(eve.user.id, { userAgent: CHROME, address: "10.0.0.1" }),
      await startSession(eve.user.id, { userAgent: "curl/8.5.0" }),
      await startSession(eve.user.id, {}),
    ];
    const me = await actorOf(a);
    const list = await listMySessions(me);
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current)).toEqual([
      expect.objectContaining({ device: "Chrome on Linux", address: "10.0.0.1" }),
    ]);

    const other = await createActor("ADMIN");
    const theirs = await startSession(other.user.id, {});
    const theirId = (await resolveSession(theirs))!.sessionId;
    await expectDomainError(endMySession(me, { id: theirId }), "not_found");
    await expectDomainError(endMySession(me, { id: "nope" }), "bad_request");
    expect(await resolveSession(theirs)).not.toBeNull();

    await endMySession(me, { id: (await resolveSession(b))!.sessionId });
    expect(await resolveSession(b)).toBeNull();
    expect(await endMyOtherSessions(me)).toBe(1);
    expect(await resolveSession(c)).toBeNull();
    expect(await resolveSession(a)).not.toBeNull();
    // an API token has no session to keep
    await expectDomainError(endMyOtherSessions({ ...me, via: "token", sessionId: undefined }), "forbidden");
    expect(await db().auditLog.count({ where: { action: { in: ["session.end", "session.end_others"] } } })).toBe(2);
  });

  it("lets an admin end a user's sessions, and ends them when the user is disabled", async () => {
    const admin = await createActor("ADMIN");
    const fay = await createActor("VIEWER");
    const one = await startSession(fay.user.id, {});
    const two = await startSession(fay.user.id, {});
    expect((await liveSessionCounts(admin)).get(fay.user.id)).toBe(2);
    await expectDomainError(endUserSessions(fay, fay.user.id), "forbidden");
    await expectDomainError(liveSessionCounts(fay), "forbidden");
    expect(await endUserSessions(admin, fay.user.id)).toEqual({ email: fay.user.email, ended: 2 });
    expect(await resolveSession(one)).toBeNull();
    expect(await resolveSession(two)).toBeNull();
    expect(await db().auditLog.count({ where: { action: "user.sessions_end", entityId: fay.user.id } })).toBe(1);

    const again = await startSession(fay.user.id, {});
    await updateUser(admin, { id: fay.user.id, disabled: true });
    expect(await db().session.count({ where: { userId: fay.user.id } })).toBe(0);
    expect(await resolveSession(again)).toBeNull();
  });
});
