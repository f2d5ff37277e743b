import "server-only";

import { parseImapUrl } from "@/lib/domain/imap-url";
import { env } from "@/lib/env";
import { rekeyWhenKeyChanges } from "@/lib/server/infra/rekey";
import { deliverOutbox } from "@/lib/server/mail/deliver";
import { startImapReader, stopImapReader } from "@/lib/server/mail/imap";
import { retryReceivedMail } from "@/lib/server/mail/retry";
import { runSlaAlerts } from "@/lib/server/sla/alerts";
import { deliverWebhooks } from "@/lib/server/webhooks/deliver";

// Background work inside the server process, started once from
// instrumentation.ts. Each job claims its rows in the database, so it is safe
// to run in every instance; a restart loses nothing (state is in the rows).

const store = globalThis as unknown as { __embargoWorkers?: NodeJS.Timeout[] };

function every(ms: number, name: string, job: () => Promise<unknown>): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    job()
      .catch((error: unknown) =>
        console.error(`worker ${name} failed:`, error instanceof Error ? error.message : error),
      )
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  return timer;
}

export function startWorkers(): void {
  if (store.__embargoWorkers) return;
  const e = env();
  const run = e.WORKERS;
  if (run.outbox) void rekeyWhenKeyChanges(); // notes the key everything was sealed with at start
  store.__embargoWorkers = [
    ...(run.outbox ? [every(5_000, "outbox", () => deliverOutbox())] : []),
    ...(run.others ? [every(60_000, "sla-alerts", () => runSlaAlerts())] : []),
    ...(run.others ? [every(15_000, "inbound-retry", () => retryReceivedMail())] : []),
    ...(run.others ? [every(5_000, "webhooks", () => deliverWebhooks())] : []),
    // a key added by `keys rotate` while this server holds the embedded database is taken up here
    ...(run.outbox ? [every(10_000, "rekey", () => rekeyWhenKeyChanges())] : []),
  ];
  // the IMAP reader keeps one connection open; every instance starts one, and a lease lets one read at a time
  if (run.others && e.IMAP_URL) {
    startImapReader({
      target: parseImapUrl(e.IMAP_URL),
      doneMailbox: e.IMAP_DONE_MAILBOX,
      pollSeconds: e.IMAP_POLL_SECONDS,
    });
  }
}

export async function stopWorkers(): Promise<void> {
  for (const timer of store.__embargoWorkers ?? []) clearInterval(timer);
  store.__embargoWorkers = undefined;
  await stopImapReader();
}
