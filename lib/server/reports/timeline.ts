import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { actorLabel, actorUserId } from "@/lib/server/auth/actor";
import type { Tx } from "@/lib/server/infra/db";

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

/** Appends one entry to a report's timeline and returns it. */
export async function recordEvent(tx: Tx, actor: EventActor, reportId: string, event: NewEvent) {
  return tx.timelineEvent.create({
    data: { reportId, visibility: "INTERNAL", ...event, ...eventActorFields(actor) },
  });
}

/** Appends several entries at once (one insert). */
export async function recordEvents(tx: Tx, actor: EventActor, reportId: string, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  const who = eventActorFields(actor);
  await tx.timelineEvent.createMany({
    data: events.map((e) => ({ reportId, visibility: "INTERNAL" as const, ...e, ...who })),
  });
}
