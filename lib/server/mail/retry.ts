import "server-only";

import { db } from "@/lib/server/infra/db";
import { loadInboundRaw } from "@/lib/server/infra/sealed";
import { processInbound } from "@/lib/server/mail/inbound";

// The retry worker: a stored message still RECEIVED (its processing failed,
// or the process died on the way) is processed again with backoff, until it
// becomes a report, a reply or unparsed mail, or fails MAX_ATTEMPTS times and
// is FAILED (listed at Settings → Unparsed mail with the error). Rows are
// claimed with FOR UPDATE SKIP LOCKED and a lease, so several instances never
// work on one message at once; processInbound locks the row as well.

/** A RECEIVED message younger than this may still be in its first request: leave it alone. */
export const GRACE_MS = 2 * 60_000;
const LEASE_MS = 5 * 60_000;

export async function retryReceivedMail(now = new Date(), limit = 10): Promise<number> {
  const claimed = await db().$queryRaw<{ id: string }[]>`
    UPDATE "InboundMessage" SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE id IN (
      SELECT id FROM "InboundMessage"
      WHERE status = 'RECEIVED' AND "receivedAt" < ${new Date(now.getTime() - GRACE_MS)}
        AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now})
      ORDER BY "receivedAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text AS id`;
  for (const { id } of claimed) {
    const raw = await loadInboundRaw(db(), id);
    if (!raw) continue;
    try {
      await processInbound({ id }, raw);
    } catch (error) {
      // processInbound counted the attempt and set the next one (or FAILED)
      console.error(`inbound ${id} retry failed:`, error instanceof Error ? error.message : error);
    }
  }
  return claimed.length;
}
