import "server-only";

import type { z } from "zod";

import { describeImapTarget, parseImapUrl } from "@/lib/domain/imap-url";
import { storableText } from "@/lib/domain/storable-text";
import { env } from "@/lib/env";
import type { mailboxStatusSchema } from "@/lib/schemas/inbound";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";

// The IMAP mailbox's one row (MailboxState, id "imap"): a lease, so that one
// instance reads the mailbox at a time, and what an admin sees of it. The
// lease is a time, not a connection-held lock, so it works the same on PGlite
// and on PostgreSQL behind a pooler; if an instance stalls past its lease and
// another takes over, both reading at once would still make no duplicate (the
// raw bytes' SHA-256 is unique), only wasted work.

const ID = "imap";

/** Takes the lease (free, lapsed, or already ours) until `until`; false when another instance holds it. */
export async function claimMailboxLease(holder: string, now: Date, leaseMs: number): Promise<boolean> {
  await db().mailboxState.createMany({ data: [{ id: ID }], skipDuplicates: true });
  const { count } = await db().mailboxState.updateMany({
    where: { id: ID, OR: [{ holder }, { holder: null }, { leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { holder, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}

/** Gives the lease up (on stop), so another instance may read at once. */
export async function releaseMailboxLease(holder: string): Promise<void> {
  await db().mailboxState.updateMany({
    where: { id: ID, holder },
    data: { holder: null, leaseUntil: null, connected: false },
  });
}

export type MailboxNote =
  | { kind: "connected"; mailbox: string; idle: boolean }
  | { kind: "read"; waiting: number }
  | { kind: "taken" }
  | { kind: "failure"; error: unknown }
  | { kind: "disconnected"; error: unknown };

export function errorMessage(error: unknown): string {
  if (!error) return "";
  const e = error as { responseText?: string; message?: string; code?: string };
  const text = e.responseText || e.message || String(error);
  return storableText(`${text}${e.code && !text.includes(e.code) ? ` (${e.code})` : ""}`).slice(0, 500);
}

/** Records what the reader saw, for Settings; only the lease holder writes, so a stale instance cannot. */
export async function noteMailbox(holder: string, note: MailboxNote): Promise<void> {
  const now = new Date();
  const data = (() => {
    switch (note.kind) {
      case "connected":
        return { connected: true, idle: note.idle, mailbox: note.mailbox, connectedAt: now };
      case "read":
        return { lastReadAt: now, waiting: note.waiting };
      case "taken":
        return { taken: { increment: 1 } };
      case "failure":
        return { failures: { increment: 1 }, lastError: errorMessage(note.error), lastErrorAt: now };
      case "disconnected":
        return note.error
          ? { connected: false, lastError: errorMessage(note.error), lastErrorAt: now }
          : { connected: false };
    }
  })();
  await db().mailboxState.updateMany({ where: { id: ID, holder }, data });
}

/** Settings → Unparsed mail: whether a mailbox is read, by whom, and how it went. */
export async function getMailboxStatus(actor: Actor | null) {
  authorize(actor, "settings.manage");
  const e = env();
  const row = await db().mailboxState.findUnique({ where: { id: ID } });
  const target = e.IMAP_URL ? describeImapTarget(parseImapUrl(e.IMAP_URL)) : null;
  const now = Date.now();
  return {
    configured: target !== null,
    mailbox: target,
    doneMailbox: e.IMAP_DONE_MAILBOX,
    pollSeconds: e.IMAP_POLL_SECONDS,
    // a lapsed lease means no instance is reading right now, whatever the row last said
    reading: !!row?.holder && !!row.leaseUntil && row.leaseUntil.getTime() > now,
    connected: !!row?.connected && !!row.leaseUntil && row.leaseUntil.getTime() > now,
    idle: row?.idle ?? false,
    holder: row?.holder ?? null,
    connectedAt: row?.connectedAt ?? null,
    lastReadAt: row?.lastReadAt ?? null,
    lastError: row?.lastError ?? null,
    lastErrorAt: row?.lastErrorAt ?? null,
    taken: row?.taken ?? 0,
    waiting: row?.waiting ?? 0,
    failures: row?.failures ?? 0,
  };
}

export type MailboxStatus = Awaited<ReturnType<typeof getMailboxStatus>>;

/** The status as the API sends it (instants as ISO strings). */
export async function getMailboxStatusView(actor: Actor | null): Promise<z.infer<typeof mailboxStatusSchema>> {
  const s = await getMailboxStatus(actor);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...s,
    connectedAt: iso(s.connectedAt),
    lastReadAt: iso(s.lastReadAt),
    lastErrorAt: iso(s.lastErrorAt),
  };
}
