import "server-only";

import { randomUUID } from "node:crypto";

import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";

import { redactStatusLinks } from "@/lib/domain/mail-body";
import { env } from "@/lib/env";
import { db } from "@/lib/server/infra/db";
import { mailBodyData, openMailBody } from "@/lib/server/infra/sealed";
import { PASSWORD_RESET_TEMPLATE, REDACTED_RESET } from "@/lib/server/mail/outbox";

// The outbox worker: claims due rows with FOR UPDATE SKIP LOCKED (so several
// instances never send one mail twice), sends them over SMTP, and retries
// failures with exponential backoff. Without SMTP_URL nothing is sent and
// mail waits, readable by admins at Settings → Outbox.

const WORKER_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;
const MAX_ATTEMPTS = 12;
/** A claim older than this is taken to be from a crashed worker and retried. */
const STALE_CLAIM_MS = 5 * 60_000;

export function backoffMs(attempts: number): number {
  // 30 s, 1 min, 2 min, … capped at 6 h
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

const store = globalThis as unknown as { __embargoTransport?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (store.__embargoTransport?.url !== url) {
    store.__embargoTransport = {
      url,
      transport: nodemailer.createTransport(url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return store.__embargoTransport.transport;
}

type Claimed = {
  id: string;
  template: string;
  toAddr: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  attempts: number;
};

/** The stored copy of a sent mail: status links replaced (still sealed), or nothing to change. */
function keptAfterSending(id: string, text: string, html: string | null) {
  const redacted = redactStatusLinks(text);
  return redacted === text ? {} : mailBodyData(id, redacted, html === null ? null : redactStatusLinks(html));
}

/** Sends what is due; returns how many were sent and how many failed. */
export async function deliverOutbox(
  opts: { smtpUrl?: string; limit?: number; now?: Date } = {},
): Promise<{ sent: number; failed: number }> {
  const smtpUrl = opts.smtpUrl ?? env().SMTP_URL;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const now = opts.now ?? new Date();
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
  // a claim abandoned by a crashed worker counts as an attempt: a message that
  // keeps crashing the sender ends as FAILED instead of being retried forever
  await db().outboundMail.updateMany({
    where: { status: "SENDING", lockedAt: { lt: staleBefore }, attempts: { gte: MAX_ATTEMPTS - 1 } },
    data: {
      status: "FAILED",
      lastError: "The sending worker stopped while sending, too often",
      lockedAt: null,
      lockedBy: null,
    },
  });
  const claimed = await db().$queryRaw<Claimed[]>`
    UPDATE "OutboundMail"
    SET "attempts" = CASE WHEN "status" = 'SENDING' THEN "attempts" + 1 ELSE "attempts" END,
        "status" = 'SENDING', "lockedAt" = ${now}, "lockedBy" = ${WORKER_ID}
    WHERE "id" IN (
      SELECT "id" FROM "OutboundMail"
      WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= ${now})
         OR ("status" = 'SENDING' AND "lockedAt" < ${staleBefore})
      ORDER BY "nextAttemptAt"
      LIMIT ${opts.limit ?? 20}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "template", "toAddr", "replyTo", "subject", "text", "html", "messageId", "inReplyTo", "references", "attempts"`;
  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    try {
      const { text, html } = openMailBody(mail);
      await transport(smtpUrl).sendMail({
        from: env().MAIL_FROM,
        to: mail.toAddr,
        replyTo: mail.replyTo ?? undefined,
        subject: mail.subject,
        text,
        html: html ?? undefined,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo ?? undefined,
        references: mail.references.length ? mail.references : undefined,
      });
      await db().outboundMail.update({
        where: { id: mail.id },
        data: {
          status: "SENT",
          sentAt: new Date(),
          attempts: mail.attempts + 1,
          lockedAt: null,
          lockedBy: null,
          lastError: null,
          // a one-time link, or a status link, is kept only until it is sent: nobody reads it afterwards
          ...(mail.template === PASSWORD_RESET_TEMPLATE
            ? mailBodyData(mail.id, REDACTED_RESET, null)
            : keptAfterSending(mail.id, text, html)),
        },
      });
      sent++;
    } catch (error) {
      const attempts = mail.attempts + 1;
      const message = error instanceof Error ? error.message.slice(0, 500) : "unknown error";
      await db().outboundMail.update({
        where: { id: mail.id },
        data: {
          status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
          attempts,
          nextAttemptAt: new Date(Date.now() + backoffMs(attempts)),
          lastError: message,
          lockedAt: null,
          lockedBy: null,
        },
      });
      failed++;
    }
  }
  return { sent, failed };
}
