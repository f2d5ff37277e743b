import "server-only";

import { Webhook } from "standardwebhooks";

import { WEBHOOK_MAX_ATTEMPTS, webhookBackoffMs } from "@/lib/domain/webhooks";
import { env } from "@/lib/env";
import { db } from "@/lib/server/infra/db";
import { openField } from "@/lib/server/infra/sealed";

import { postWebhook } from "./post";

// The webhook worker: claims due deliveries with FOR UPDATE SKIP LOCKED (several instances never post one twice
// at once), signs each per the Standard Webhooks spec (webhook-id, webhook-timestamp, webhook-signature: v1,
// HMAC-SHA256 of "id.timestamp.body" with the endpoint's secret) and posts it. A 2xx answer is delivered; anything
// else, or no answer within 10 s, is retried with backoff (30 s doubling, at most 6 h) and FAILED after
// WEBHOOK_MAX_ATTEMPTS attempts. Every attempt keeps the receiver's status or the error for the delivery log.

/** A claim older than this is taken to be from a crashed worker and retried. */
const STALE_CLAIM_MS = 5 * 60_000;

type Claimed = { id: string; messageId: string; payload: string; attempts: number; endpointId: string };

export async function deliverWebhooks(
  opts: { now?: Date; limit?: number; allowPrivate?: boolean; timeoutMs?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const now = opts.now ?? new Date();
  const allowPrivate = opts.allowPrivate ?? env().WEBHOOK_ALLOW_PRIVATE;
  const claimed = await db().$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" SET status = 'SENDING', "lockedAt" = ${now}
    WHERE id IN (
      SELECT id FROM "WebhookDelivery"
      WHERE (status = 'PENDING' AND "nextAttemptAt" <= ${now})
         OR (status = 'SENDING' AND "lockedAt" < ${new Date(now.getTime() - STALE_CLAIM_MS)})
      ORDER BY "nextAttemptAt" LIMIT ${opts.limit ?? 10}
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text AS id, "messageId", payload, attempts, "endpointId"::text AS "endpointId"`;
  const results = await Promise.all(claimed.map((d) => attempt(d, now, allowPrivate, opts.timeoutMs)));
  return { sent: results.filter(Boolean).length, failed: results.filter((r) => !r).length };
}

async function attempt(d: Claimed, now: Date, allowPrivate: boolean, timeoutMs?: number): Promise<boolean> {
  const endpoint = await db().webhookEndpoint.findUnique({ where: { id: d.endpointId } });
  if (!endpoint) return false; // removed meanwhile: its deliveries went with it
  const secret = openField("WebhookEndpoint.secret", endpoint.id, endpoint.secret);
  const sentAt = new Date();
  const headers = {
    "webhook-id": d.messageId,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(d.messageId, sentAt, d.payload),
    "user-agent": "Embargo-Webhooks/1",
  };
  let status: number | null = null;
  let error: string | null = null;
  try {
    status = (await postWebhook(endpoint.url, d.payload, headers, { allowPrivate, timeoutMs })).status;
    if (status < 200 || status > 299) error = `The receiver answered ${status}.`;
  } catch (e) {
    error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
  }
  const attempts = d.attempts + 1;
  const ok = error === null;
  await db().webhookDelivery.updateMany({
    where: { id: d.id, status: "SENDING" },
    data: ok
      ? { status: "SENT", attempts, lastStatus: status, lastError: null, sentAt: new Date(), lockedAt: null }
      : {
          status: attempts >= WEBHOOK_MAX_ATTEMPTS ? "FAILED" : "PENDING",
          attempts,
          lastStatus: status,
          lastError: error,
          lockedAt: null,
          nextAttemptAt: new Date(now.getTime() + webhookBackoffMs(attempts)),
        },
  });
  return ok;
}
