import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { actorLabel, actorUserId } from "@/lib/server/auth/actor";
import type { Tx } from "@/lib/server/infra/db";
import { eventBodyData, newRowId } from "@/lib/server/infra/sealed";

// Every timeline entry is written here, so who did it is recorded the same
// way everywhere: a team member (by session or API token), the system, or the
// reporter (who has no account, only a display name).

/** Who an entry is from: an authenticated actor, or the reporter by name. */
export type EventActor = Actor | { kind: "reporter"; label: string };

export type NewEvent = {
  kind: string;
  visibility?: "INTERNAL" | "REPORTER";
  at?: Date;
  body?: string | null;
  data?: Prisma.InputJsonValue;
  messageId?: string | null;
};

export function eventActorFields(actor: EventActor) {
  if (actor.kind === "reporter") return { actorType: "REPORTER" as const, actorId: null, actorLabel: actor.label };
  return {
    actorType: actor.kind === "user" ? ("USER" as const) : ("SYSTEM" as const),
    actorId: actorUserId(actor),
    actorLabel: actorLabel(actor),
  };
}

/** An entry's row: its body sealed to its own id (lib/server/infra/sealed.ts), with the body's blind index. */
async function eventRow(tx: Tx, who: ReturnType<typeof eventActorFields>, reportId: string, event: NewEvent) {
  const id = newRowId();
  return {
    id,
    reportId,
    visibility: "INTERNAL" as const,
    ...event,
    ...(await eventBodyData(tx, id, event.body)),
    ...who,
  };
}

/** Appends one entry to a report's timeline and returns it (its body as written, not sealed). */
export async function recordEvent(tx: Tx, actor: EventActor, reportId: string, event: NewEvent) {
  const row = await tx.timelineEvent.create({ data: await eventRow(tx, eventActorFields(actor), reportId, event) });
  return { ...row, body: event.body ?? null };
}

/** Appends several entries at once (one insert). */
export async function recordEvents(tx: Tx, actor: EventActor, reportId: string, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  const who = eventActorFields(actor);
  const data = [];
  for (const e of events) data.push(await eventRow(tx, who, reportId, e));
  await tx.timelineEvent.createMany({ data });
}
