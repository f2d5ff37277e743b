import "server-only";

import { env } from "@/lib/env";
import { newSecret, sha256Hex } from "@/lib/server/infra/crypto";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";

import type { ActorUser } from "./actor";

// Sessions with server-side truth. Each sign-in creates a Session row; the
// next-auth cookie (a signed, encrypted JWT) carries only a random secret
// naming it, and only the secret's SHA-256 is stored. Every request looks the
// row up: a deleted row (sign-out, "end session", a password change, a
// disabled user), an idle one or one past its lifetime is no session.

/** The secret's shape: 32 random bytes, base64url. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function sessionLimits(): { idleMs: number; maxMs: number; touchMs: number } {
  const e = env();
  const idleMs = e.SESSION_IDLE_MINUTES * 60_000;
  const maxMs = e.SESSION_MAX_HOURS * 3_600_000;
  // last-seen is written at most once a minute (or once a tenth of a very short idle timeout), not per request
  return { idleMs, maxMs, touchMs: Math.min(60_000, idleMs / 10) };
}

/** Rows still within both limits at `now`. */
export function liveSessionWhere(now: Date) {
  const { idleMs, maxMs } = sessionLimits();
  return {
    lastSeenAt: { gt: new Date(now.getTime() - idleMs) },
    createdAt: { gt: new Date(now.getTime() - maxMs) },
  };
}

export type SessionMeta = { address?: string | null; userAgent?: string | null };

/** Records a sign-in and returns the secret the cookie will carry (never stored). */
export async function startSession(userId: string, meta: SessionMeta, now = new Date()): Promise<string> {
  const secret = newSecret();
  await db().$transaction(async (tx) => {
    // the user's ended rows go now, so the table holds live sessions and a few not yet looked at
    await tx.session.deleteMany({ where: { userId, NOT: liveSessionWhere(now) } });
    await tx.session.create({
      data: {
        userId,
        tokenHash: sha256Hex(secret),
        createdAt: now,
        lastSeenAt: now,
        address: meta.address?.slice(0, 100) || null,
        userAgent: meta.userAgent?.slice(0, 400) || null,
      },
    });
  });
  return secret;
}

export type LiveSession = { sessionId: string; user: ActorUser };

/**
 * The session a cookie's secret names, checked now: null when there is no
 * such row, its user is disabled, it sat idle too long or it outlived its
 * absolute lifetime (such a row is deleted). Refreshes last-seen when it is
 * older than the touch interval, with one conditional write however many
 * requests race.
 */
export async function resolveSession(secret: unknown, now = new Date()): Promise<LiveSession | null> {
  if (typeof secret !== "string" || !SECRET.test(secret)) return null;
  const row = await db().session.findUnique({
    where: { tokenHash: sha256Hex(secret) },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true } },
    },
  });
  if (!row || row.user.disabled) return null;
  const { idleMs, maxMs, touchMs } = sessionLimits();
  const at = now.getTime();
  if (at - row.lastSeenAt.getTime() >= idleMs || at - row.createdAt.getTime() >= maxMs) {
    await db().session.deleteMany({ where: { id: row.id } });
    return null;
  }
  if (at - row.lastSeenAt.getTime() >= touchMs) {
    await db().session.updateMany({ where: { id: row.id, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: now } });
  }
  const { id, email, name, role } = row.user;
  return { sessionId: row.id, user: { id, email, name, role } };
}

/** Sign-out: deletes the row the secret names, so a copied cookie is useless at once. */
export async function endSessionBySecret(secret: unknown): Promise<void> {
  if (typeof secret !== "string" || !SECRET.test(secret)) return;
  await db().session.deleteMany({ where: { tokenHash: sha256Hex(secret) } });
}

/** Ends every session of a user (password set or reset, user disabled, an admin's "End sessions"). */
export async function endAllSessionsIn(tx: Tx, userId: string): Promise<number> {
  return (await tx.session.deleteMany({ where: { userId } })).count;
}
