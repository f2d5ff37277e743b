import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { actorLabel, actorUserId } from "@/lib/server/auth/actor";

import type { Tx } from "./db";

// Append-only audit trail, written inside the use case's transaction.
export async function audit(
  tx: Tx,
  actor: Actor,
  entry: {
    action: string;
    entityType: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
    /** the client address, where it matters (sign-ins) */
    address?: string;
  },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: (entry.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (entry.after ?? undefined) as Prisma.InputJsonValue | undefined,
      address: entry.address?.slice(0, 100),
    },
  });
}

/** Audits the creation of a row and hands the row back, as a create use case returns it. */
export async function auditCreated<T extends { id: string }>(
  tx: Tx,
  actor: Actor,
  created: { action: string; entityType: string; row: T; after: unknown },
): Promise<T> {
  await audit(tx, actor, {
    action: created.action,
    entityType: created.entityType,
    entityId: created.row.id,
    after: created.after,
  });
  return created.row;
}
