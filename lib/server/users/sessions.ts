import "server-only";

import { describeUserAgent } from "@/lib/domain/user-agent";
import { DomainError } from "@/lib/errors";
import type { SessionItem } from "@/lib/schemas/account";
import { sessionIdInput } from "@/lib/schemas/account";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { endAllSessionsIn, liveSessionWhere } from "@/lib/server/auth/sessions";
import { audit } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";

// Your sessions on /account (list, end one, end all others) and an admin's
// "End sessions" in Settings → Users. Ending a session deletes its row: the
// cookie that named it is no session from the next request on.

function selfOf(actor: Actor | null): Extract<Actor, { kind: "user" }> {
  authorize(actor, "account.self");
  if (actor.kind !== "user") throw new DomainError("forbidden", "Only a signed-in user has sessions.");
  return actor;
}

/** Your live sessions, the most recently used first; the one this request came with is marked. */
export async function listMySessions(actor: Actor | null, now = new Date()): Promise<SessionItem[]> {
  const self = selfOf(actor);
  const rows = await db().session.findMany({
    where: { userId: self.user.id, ...liveSessionWhere(now) },
    select: { id: true, createdAt: true, lastSeenAt: true, address: true, userAgent: true },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
  });
  return rows.map((r) => ({ ...r, device: describeUserAgent(r.userAgent), current: r.id === self.sessionId }));
}

/** Ends one of your own sessions (404 for any other, so nobody learns which ids exist). */
export async function endMySession(actor: Actor | null, raw: unknown): Promise<void> {
  const self = selfOf(actor);
  const { id } = parseInput(sessionIdInput, raw);
  await db().$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id, userId: self.user.id } });
    if (count === 0) throw new DomainError("not_found", "No such session of yours.");
    await audit(tx, self, { action: "session.end", entityType: "session", entityId: id });
  });
}

/** Ends every session of yours but the one this request came with; returns how many ended. */
export async function endMyOtherSessions(actor: Actor | null): Promise<number> {
  const self = selfOf(actor);
  if (!self.sessionId) throw new DomainError("forbidden", "End your other sessions from a signed-in browser.");
  return db().$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: self.user.id, NOT: { id: self.sessionId } } });
    await audit(tx, self, {
      action: "session.end_others",
      entityType: "user",
      entityId: self.user.id,
      after: { ended: count },
    });
    return count;
  });
}

/** Settings → Users: an admin ends every session of a user (theirs included, if they ask). */
export async function endUserSessions(actor: Actor | null, userId: string): Promise<{ email: string; ended: number }> {
  authorize(actor, "users.manage");
  const id = parseInput(sessionIdInput, { id: userId }).id;
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, email: true } });
    if (!user) throw new DomainError("not_found", "No such user.");
    const ended = await endAllSessionsIn(tx, user.id);
    await audit(tx, actor, { action: "user.sessions_end", entityType: "user", entityId: user.id, after: { ended } });
    return { email: user.email, ended };
  });
}

/** How many live sessions each user holds (Settings → Users). */
export async function liveSessionCounts(actor: Actor | null, now = new Date()): Promise<Map<string, number>> {
  authorize(actor, "users.manage");
  const groups = await db().session.groupBy({ by: ["userId"], where: liveSessionWhere(now), _count: { _all: true } });
  return new Map(groups.map((g) => [g.userId, g._count._all]));
}
