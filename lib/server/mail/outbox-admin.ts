import "server-only";

import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";

// Settings → Outbox: an admin sends a failed mail again or stops a pending
// one. Each change is one conditional update, so a mail the worker is sending
// at that moment is never changed under it.

const outboxMailView = {
  id: true,
  toAddr: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  nextAttemptAt: true,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Move = { from: "FAILED" | "PENDING"; action: string; data: object; refusal: string };

async function moveMail(actor: Actor | null, id: string, move: Move) {
  authorize(actor, "settings.manage");
  if (!UUID.test(id)) throw new DomainError("not_found", "No such mail in the outbox.");
  return db().$transaction(async (tx) => {
    const before = await tx.outboundMail.findUnique({ where: { id }, select: { status: true } });
    if (!before) throw new DomainError("not_found", "No such mail in the outbox.");
    const { count } = await tx.outboundMail.updateMany({ where: { id, status: move.from }, data: move.data });
    if (count === 0) throw new DomainError("conflict", `${move.refusal} (it is ${before.status.toLowerCase()}).`);
    await audit(tx, actor, {
      action: move.action,
      entityType: "outboundMail",
      entityId: id,
      before: { status: before.status },
    });
    const row = await tx.outboundMail.findUniqueOrThrow({ where: { id }, select: outboxMailView });
    return { ...row, nextAttemptAt: row.nextAttemptAt.toISOString() };
  });
}

/** FAILED → PENDING with its attempts reset: the worker sends it on its next pass. */
export function retryOutboxMail(actor: Actor | null, id: string) {
  return moveMail(actor, id, {
    from: "FAILED",
    action: "outbox.retry",
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lockedAt: null },
    refusal: "Only a failed mail can be retried",
  });
}

/** PENDING → CANCELLED: it is never sent. */
export function cancelOutboxMail(actor: Actor | null, id: string) {
  return moveMail(actor, id, {
    from: "PENDING",
    action: "outbox.cancel",
    data: { status: "CANCELLED" },
    refusal: "Only a pending mail can be cancelled",
  });
}
