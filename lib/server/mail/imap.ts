import "server-only";

import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

import { ImapFlow } from "imapflow";

import type { ImapTarget } from "@/lib/domain/imap-url";
import { describeImapTarget, reconnectDelayMs } from "@/lib/domain/imap-url";
import { MAX_INBOUND_BYTES, receiveEmail, retryDelayMs } from "@/lib/server/mail/inbound";
import { withIntakeSlot } from "@/lib/server/mail/intake-limit";
import type { MailboxNote } from "@/lib/server/mail/mailbox-state";
import { claimMailboxLease, errorMessage, noteMailbox, releaseMailboxLease } from "@/lib/server/mail/mailbox-state";

// The IMAP intake: reads the security@ mailbox and hands each message, as raw
// bytes, to receiveEmail, the very function behind POST /api/v1/inbound/email
// (raw stored first, parsed, threaded, the same bytes stored once). Only after
// that has committed is the message moved to the done mailbox; one that fails
// stays in the inbox and is tried again with backoff. A crash or a dropped
// connection between the commit and the move leaves the message in the inbox:
// read again, its bytes are found in the database and it is simply moved.
// One instance reads at a time (a lease in MailboxState). New mail is read at
// once when the server offers IDLE, else every pollSeconds.

export interface ImapReaderOptions {
  target: ImapTarget;
  doneMailbox: string;
  pollSeconds: number;
  /** first wait before a failed message is tried again (doubling); the intake's own backoff by default */
  retryBaseMs?: number;
  /** first wait before reconnecting (doubling, at most 5 minutes) */
  reconnectBaseMs?: number;
  /** how long the lease runs; renewed every third of it */
  leaseMs?: number;
}

/** How long a message may wait for a free intake slot: nobody is waiting on an answer, so longer than HTTP. */
const SLOT_WAIT_MS = 10 * 60_000;

export class ImapReader {
  readonly holder = `${hostname()} pid ${process.pid} ${randomBytes(3).toString("hex")}`;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private client: ImapFlow | null = null;
  private wake: (() => void) | null = null;
  /** new mail was announced while no one was waiting (during a drain): read again at once */
  private announced = false;
  private sleeper: { timer: NodeJS.Timeout; done: () => void } | null = null;
  /** messages that failed: attempts and when to try again, by UIDVALIDITY:UID */
  private readonly retries = new Map<string, { attempts: number; nextAt: number }>();
  /** messages over the size cap: left in the inbox for a person, not fetched again */
  private readonly skipped = new Set<string>();
  private readonly leaseMs: number;

  constructor(private readonly opts: ImapReaderOptions) {
    this.leaseMs = opts.leaseMs ?? 60_000;
  }

  start(): void {
    this.stopping = false;
    this.loop ??= this.run().finally(() => {
      this.loop = null;
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    this.sleeper?.done();
    const client = this.client;
    if (client?.usable) {
      // a polite LOGOUT, but never wait long on a server that stopped answering
      const patience = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
      await Promise.race([client.logout().catch(() => {}), patience]);
    }
    client?.close();
    await this.loop;
    await releaseMailboxLease(this.holder).catch(() => {});
  }

  private note(note: MailboxNote) {
    return noteMailbox(this.holder, note).catch(() => {});
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleeper = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.sleeper = { timer, done };
    });
  }

  private async run(): Promise<void> {
    let failedConnects = 0;
    while (!this.stopping) {
      let leased = false;
      try {
        leased = await claimMailboxLease(this.holder, new Date(), this.leaseMs);
      } catch (error) {
        console.error("imap: cannot take the mailbox lease:", errorMessage(error));
      }
      if (!leased) {
        await this.sleep(this.leaseMs / 3);
        continue;
      }
      try {
        await this.session(() => (failedConnects = 0));
        await this.note({ kind: "disconnected", error: null });
      } catch (error) {
        if (this.stopping) break;
        failedConnects++;
        console.error(`imap: ${describeImapTarget(this.opts.target)}:`, errorMessage(error));
        await this.note({ kind: "disconnected", error });
      }
      if (!this.stopping) await this.sleep(reconnectDelayMs(Math.max(1, failedConnects), this.opts.reconnectBaseMs));
    }
  }

  /** One connection: open the inbox, take in what is there, wait for more; returns or throws when it ends. */
  private async session(onConnected: () => void): Promise<void> {
    const { target } = this.opts;
    const client = new ImapFlow({
      host: target.host,
      port: target.port,
      secure: target.secure,
      auth: { user: target.user, pass: target.pass },
      logger: false,
      // IDLE is started by waitForMail, only when there is nothing to do
      disableAutoIdle: true,
      clientInfo: { name: "Embargo" },
    });
    this.client = client;
    let lastError: unknown = null;
    let closed = false;
    client.on("error", (error: unknown) => (lastError = error));
    client.on("close", () => {
      closed = true;
      this.wake?.();
    });
    client.on("exists", () => {
      if (this.wake) this.wake();
      else this.announced = true;
    });
    let lostLease = false;
    const renew = setInterval(() => {
      claimMailboxLease(this.holder, new Date(), this.leaseMs)
        .then((held) => {
          if (held) return;
          // another instance took the mailbox over (this one stalled): stop reading
          lostLease = true;
          client.close();
        })
        .catch(() => {});
    }, this.leaseMs / 3);
    renew.unref();
    try {
      await client.connect();
      await this.ensureDoneMailbox(client);
      await client.mailboxOpen(target.mailbox);
      onConnected();
      await this.note({
        kind: "connected",
        mailbox: describeImapTarget(target),
        idle: client.capabilities.has("IDLE"),
      });
      while (!this.stopping && !closed) {
        await this.drain(client);
        if (this.stopping || closed) break;
        await this.waitForMail(client);
      }
    } catch (error) {
      lastError ??= error;
      if (!closed && !this.stopping) client.close();
    } finally {
      clearInterval(renew);
      this.client = null;
    }
    if (this.stopping || lostLease) return;
    throw lastError ?? new Error("The IMAP server closed the connection.");
  }

  private async ensureDoneMailbox(client: ImapFlow): Promise<void> {
    const boxes = await client.list();
    if (boxes.some((b) => b.path === this.opts.doneMailbox)) return;
    await client.mailboxCreate(this.opts.doneMailbox);
  }

  /** Takes in every message in the inbox that is due, oldest first. */
  private async drain(client: ImapFlow): Promise<void> {
    const box = client.mailbox;
    if (!box) throw new Error("The inbox is not open.");
    this.announced = false;
    const uids = (await client.search({ deleted: false }, { uid: true })) || [];
    // forget retries of messages that are gone (moved or deleted by someone else)
    const present = new Set(uids.map((uid) => `${box.uidValidity}:${uid}`));
    for (const key of this.retries.keys()) if (!present.has(key)) this.retries.delete(key);
    const sizes = new Map<number, number>();
    if (uids.length) {
      for (const m of await client.fetchAll(uids.join(","), { size: true }, { uid: true }))
        sizes.set(m.uid, m.size ?? 0);
    }
    let left = 0;
    for (const uid of uids.sort((a, b) => a - b)) {
      if (this.stopping) return;
      const key = `${box.uidValidity}:${uid}`;
      const retry = this.retries.get(key);
      if (this.skipped.has(key) || (retry && retry.nextAt > Date.now())) {
        left++;
        continue;
      }
      if ((sizes.get(uid) ?? 0) > MAX_INBOUND_BYTES) {
        this.skipped.add(key);
        left++;
        const mb = ((sizes.get(uid) ?? 0) / 1024 / 1024).toFixed(1);
        await this.note({
          kind: "failure",
          error: new Error(`Message UID ${uid} is ${mb} MB, over the 25 MB cap: left in the inbox.`),
        });
        continue;
      }
      if (await this.takeIn(client, uid, key)) continue;
      left++;
    }
    await this.note({ kind: "read", waiting: left });
  }

  /** One message: into the database through the intake, then (only then) to the done mailbox. */
  private async takeIn(client: ImapFlow, uid: number, key: string): Promise<boolean> {
    const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
    if (!message || !message.source) return true; // expunged meanwhile by someone else
    try {
      const result = await withIntakeSlot(() => receiveEmail(message.source!), SLOT_WAIT_MS);
      // stored, but its processing failed: leave it here and try again (the same bytes find the same row)
      if (result.retrying) throw new Error("The message was stored but could not be processed yet.");
    } catch (error) {
      const attempts = (this.retries.get(key)?.attempts ?? 0) + 1;
      const wait = this.opts.retryBaseMs
        ? Math.min(this.opts.retryBaseMs * 2 ** (attempts - 1), 3_600_000)
        : retryDelayMs(attempts);
      this.retries.set(key, { attempts, nextAt: Date.now() + wait });
      console.error(
        `imap: message UID ${uid} failed (attempt ${attempts}), retried in ${Math.round(wait / 1000)} s:`,
        errorMessage(error),
      );
      await this.note({ kind: "failure", error });
      return false;
    }
    // committed: a failure from here on (the connection drops) leaves a message whose bytes are already stored
    await client.messageMove(String(uid), this.opts.doneMailbox, { uid: true });
    this.retries.delete(key);
    await this.note({ kind: "taken" });
    return true;
  }

  /** Waits for new mail (IDLE), the poll interval, or the next retry that is due, whichever comes first. */
  private async waitForMail(client: ImapFlow): Promise<void> {
    if (this.announced) return;
    const nextRetry = Math.min(...[...this.retries.values()].map((r) => r.nextAt));
    const wait = Math.max(50, Math.min(this.opts.pollSeconds * 1000, nextRetry - Date.now()));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, wait);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
      // IDLE runs until the next command (the drain's SEARCH) ends it
      if (client.capabilities.has("IDLE")) client.idle().catch(() => {});
    });
    this.wake = null;
  }
}

const store = globalThis as unknown as { __embargoImap?: ImapReader };

/** Starts this process's IMAP reader (once); it waits for the lease if another instance reads the mailbox. */
export function startImapReader(opts: ImapReaderOptions): ImapReader {
  store.__embargoImap ??= new ImapReader(opts);
  store.__embargoImap.start();
  return store.__embargoImap;
}

export async function stopImapReader(): Promise<void> {
  const reader = store.__embargoImap;
  store.__embargoImap = undefined;
  await reader?.stop();
}
