import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/infra/audit";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";

import type { ActorUser } from "./actor";
import { verifyPassword } from "./passwords";
import { startSession } from "./sessions";

// Sign-in limits that cannot be turned against users (issue 14 §6). Only
// failures count, and they count per account *and* client address together,
// so a stranger guessing elsewhere never locks the real user out. After a few
// free failures each further one makes that pair wait longer (1 s, 2 s, 4 s …
// up to 15 min) before the password is even looked at; a success clears the
// pair. A separate cap counts every failure from one address, whatever the
// account, so one address cannot spray guesses across many accounts. Every
// failure and success is audited with the address; attempts refused while a
// wait runs are not audited one by one (the failure that began the wait is,
// with its length), so a flood cannot grow the log without bound.

/** Failures of one account from one address before any wait. */
export const FREE_FAILURES = 3;
/** The longest wait after a failure, in seconds. */
export const MAX_DELAY_SECONDS = 15 * 60;
/** A pair's failures are forgotten after this long without one (ms). */
const PAIR_MEMORY_MS = 60 * 60_000;
/** Failures from one address, over all accounts, in one window before it is refused until the window ends. */
export const ADDRESS_CAP = 100;
const ADDRESS_WINDOW_MS = 15 * 60_000;

/** The wait after the n-th failure of a pair, in seconds: none for the first few, then doubling. */
export function delayAfterFailures(n: number): number {
  if (n <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (n - FREE_FAILURES - 1));
}

export type SignInMeta = { address: string; userAgent?: string | null };
export type SignInResult =
  | { ok: true; user: ActorUser; secret: string }
  | { ok: false; reason: "failed" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);
const pairKey = (account: string, address: string) => `pair ${account} ${address}`;
const addressKey = (address: string) => `address ${address}`;

/** Seconds until this key may try again, or 0. */
async function waitFor(keys: string[], now: Date): Promise<number> {
  const rows = await db().signInThrottle.findMany({ where: { key: { in: keys }, blockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * Counts one failure against a key in one statement (safe when requests race) and returns the count. A stale
 * count starts again at one: a pair's after an hour without failures, an address's once its window has passed.
 */
async function countFailure(tx: Tx, key: string, now: Date, stale: "quiet" | "window", before: Date) {
  const column =
    stale === "quiet" ? Prisma.sql`"SignInThrottle"."lastFailureAt"` : Prisma.sql`"SignInThrottle"."windowStart"`;
  const [row] = await tx.$queryRaw<{ failures: number; windowStart: Date }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lastFailureAt")
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN ${column} < ${before} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN ${column} < ${before} THEN ${now} ELSE "SignInThrottle"."windowStart" END,
      "blockedUntil" = CASE WHEN ${column} < ${before} THEN NULL ELSE "SignInThrottle"."blockedUntil" END,
      "lastFailureAt" = ${now}
    RETURNING "failures", "windowStart"`;
  return { failures: Number(row!.failures), since: new Date(row!.windowStart) };
}

async function recordFailure(
  account: string,
  meta: SignInMeta,
  userId: string | null,
  reason: string,
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const pair = await countFailure(tx, pairKey(account, meta.address), now, "quiet", ago(now, PAIR_MEMORY_MS));
    const delay = delayAfterFailures(pair.failures);
    if (delay) {
      await tx.signInThrottle.update({
        where: { key: pairKey(account, meta.address) },
        data: { blockedUntil: new Date(now.getTime() + delay * 1000) },
      });
    }
    // the address's window is fixed from its first failure
    const byAddress = await countFailure(tx, addressKey(meta.address), now, "window", ago(now, ADDRESS_WINDOW_MS));
    if (byAddress.failures >= ADDRESS_CAP) {
      await tx.signInThrottle.update({
        where: { key: addressKey(meta.address) },
        data: { blockedUntil: new Date(byAddress.since.getTime() + ADDRESS_WINDOW_MS) },
      });
    }
    // nobody is proven to be anyone yet: the row names the account tried, not an actor
    await audit(
      tx,
      { kind: "system", label: `sign-in as ${account}` },
      {
        action: "signin.failure",
        entityType: "user",
        entityId: userId ?? account,
        address: meta.address,
        after: {
          reason,
          failures: pair.failures,
          waitSeconds: delay,
          userAgent: meta.userAgent?.slice(0, 200) ?? null,
        },
      },
    );
  });
}

/**
 * The credentials sign-in: refuses at once while the account-and-address pair
 * or the address must wait; otherwise checks the password, counts a failure
 * or clears the pair, audits either, and on success starts a session.
 */
export async function attemptSignIn(
  emailRaw: string,
  password: string,
  meta: SignInMeta,
  now = new Date(),
): Promise<SignInResult> {
  const account = emailRaw.trim().toLowerCase().slice(0, 254);
  const wait = await waitFor([pairKey(account, meta.address), addressKey(meta.address)], now);
  if (wait) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await db().user.findUnique({ where: { email: account }, omit: { passwordHash: false } });
  const passwordOk = await verifyPassword(user?.passwordHash, password);
  if (!user || !passwordOk || user.disabled) {
    const reason = !user ? "unknown_account" : !passwordOk ? "wrong_password" : "disabled";
    await recordFailure(account, meta, user?.id ?? null, reason, now);
    return { ok: false, reason: "failed" };
  }
  const actorUser: ActorUser = { id: user.id, email: user.email, name: user.name, role: user.role };
  await db().$transaction(async (tx) => {
    await tx.signInThrottle.deleteMany({ where: { key: pairKey(account, meta.address) } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await audit(
      tx,
      { kind: "user", user: actorUser, via: "session" },
      {
        action: "signin.success",
        entityType: "user",
        entityId: user.id,
        address: meta.address,
        after: { userAgent: meta.userAgent?.slice(0, 200) ?? null },
      },
    );
  });
  const secret = await startSession(user.id, meta, now);
  return { ok: true, user: actorUser, secret };
}
