import "server-only";

import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";

// At most INBOUND_CONCURRENCY mails are parsed and processed at once in this
// process (a 25 MB message takes memory and CPU); the rest queue, and one that
// waited too long is answered 503 with Retry-After so the mail system tries
// again later. The IMAP reader goes through the same gate.

const WAIT_MS = 30_000;
const store = globalThis as unknown as { __embargoIntake?: { running: number; queue: (() => void)[] } };

function gate() {
  store.__embargoIntake ??= { running: 0, queue: [] };
  return store.__embargoIntake;
}

/** Runs fn once a slot is free; waits at most waitMs for one, else throws 503 (unavailable). */
export async function withIntakeSlot<T>(fn: () => Promise<T>, waitMs = WAIT_MS): Promise<T> {
  const g = gate();
  if (g.running >= env().INBOUND_CONCURRENCY) {
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        g.queue.splice(g.queue.indexOf(wake), 1);
        reject(
          new DomainError("unavailable", "Too many mails are being taken in at once. Try again shortly.", {
            headers: { "Retry-After": "30" },
          }),
        );
      }, waitMs);
      g.queue.push(wake);
    });
  } else {
    g.running++;
  }
  try {
    return await fn();
  } finally {
    // hand the slot straight to the next waiter, or free it
    const next = g.queue.shift();
    if (next) next();
    else g.running--;
  }
}

/** Slots in use right now (for tests and the mailbox status). */
export const intakeRunning = () => gate().running;
