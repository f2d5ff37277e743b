import "server-only";

import { createHash } from "node:crypto";

import type { ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";

import { needsFullReport, redactStatusLinks } from "@/lib/domain/mail-body";
import { makeStorable, storableText } from "@/lib/domain/storable-text";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InboundResult } from "@/lib/schemas/inbound";
import { MAX_TITLE } from "@/lib/schemas/reports";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { db, isUniqueViolation } from "@/lib/server/infra/db";
import { isDatabaseUnavailable } from "@/lib/server/infra/db-errors";
import { publishReportChange } from "@/lib/server/infra/live";
import { newRowId, openMailBody, storeInboundRaw } from "@/lib/server/infra/sealed";
import { PASSWORD_RESET_TEMPLATE, REDACTED_RESET } from "@/lib/server/mail/outbox";
import { allAddresses, bodyOf, findThread, firstAddress, referencedIds, replyText } from "@/lib/server/mail/threading";
import type { Upload } from "@/lib/server/reports/attachments";
import { saveAttachments } from "@/lib/server/reports/attachments";
import { createReport } from "@/lib/server/reports/intake";
import type { EventActor } from "@/lib/server/reports/timeline";
import { recordEvent } from "@/lib/server/reports/timeline";
import { afterReporterAnswer } from "@/lib/server/status/reply";

// Inbound e-mail. The raw message is stored first, in a transaction of its
// own, so nothing is lost whatever happens next; then it is parsed, and
// either threaded onto its report (a reply) or turned into a new report.
// The same raw bytes twice (SHA-256) are stored once; a different mail that
// reuses a Message-ID is kept and flagged. A message whose processing fails
// stays RECEIVED and is retried with backoff (lib/server/mail/retry.ts).

export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;

/** The mail's attachments as uploads (the cap on stored bytes is applied by saveAttachments). */
export function mailFiles(mail: ParsedMail): Upload[] {
  return mail.attachments.map((a) => ({
    filename: a.filename ?? "attachment",
    contentType: a.contentType ?? "application/octet-stream",
    bytes: new Uint8Array(a.content),
  }));
}

/** Failed processing attempts before a message is FAILED, and the wait before attempt n+1 (30 s doubling, ≤ 1 h). */
export const MAX_ATTEMPTS = 6;
export const retryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** What an earlier copy of the same bytes became, answered again. */
function answerOf(row: { status: string; report: { key: string } | null }): InboundResult {
  return {
    key: row.report?.key ?? null,
    threaded: row.status === "THREADED",
    duplicate: true,
    ...(row.status === "UNPARSED" ? { unparsed: true } : {}),
  };
}

export const rawSha256 = (raw: Buffer) => createHash("sha256").update(raw).digest("hex");

export async function receiveEmail(raw: Buffer): Promise<InboundResult> {
  // 1. keep the raw message, whatever it is, once per distinct bytes
  const hash = rawSha256(raw);
  let stored: { id: string };
  try {
    const id = newRowId();
    // the row and its sealed bytes together: a row never exists without its mail
    stored = await db().$transaction(async (tx) => {
      const row = await tx.inboundMessage.create({
        data: { id, raw: new Uint8Array(0), sizeBytes: raw.length, rawSha256: hash },
        select: { id: true },
      });
      await storeInboundRaw(tx, id, raw);
      return row;
    });
  } catch (error) {
    if (!isUniqueViolation(error, "rawSha256")) throw error;
    // a retry of the same bytes: answer as the first copy did, or finish it if it never got through
    const first = await db().inboundMessage.findUniqueOrThrow({
      where: { rawSha256: hash },
      select: { id: true, status: true, report: { select: { key: true } } },
    });
    if (first.status !== "RECEIVED") return answerOf(first);
    stored = first;
  }
  try {
    return await processInbound(stored, raw);
  } catch (error) {
    // the database is down: the mail system should retry (the same bytes find this row again)
    if (await isDatabaseUnavailable(error)) throw error;
    // anything else: the raw message is kept and the retry worker tries it again
    console.error(`inbound ${stored.id} failed, will retry:`, error instanceof Error ? error.message : error);
    return { key: null, threaded: false, retrying: true };
  }
}

/** The best text of a stored message for a report made from it by hand (its parsed body, else the raw text). */
export async function mailText(raw: Buffer): Promise<{ body: string; messageId: string | null }> {
  try {
    const mail = await simpleParser(raw, { skipImageLinks: true, maxHtmlLengthToParse: 5 * 1024 * 1024 });
    return { body: bodyOf(mail), messageId: mail.messageId?.trim().slice(0, 998) || null };
  } catch {
    return { body: raw.subarray(0, 256 * 1024).toString("utf8"), messageId: null };
  }
}

/**
 * Steps 2 on of intake for a stored message: parse, thread or create, keep the outcome on the row. Also run again
 * by an admin on an unparsed message (lib/server/mail/unparsed.ts).
 */
export async function processInbound(stored: { id: string }, raw: Buffer): Promise<InboundResult> {
  // 2. parse; a message we cannot read is kept for admins, never a 500
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, maxHtmlLengthToParse: 5 * 1024 * 1024 });
  } catch (error) {
    await db().inboundMessage.update({
      where: { id: stored.id },
      data: { status: "UNPARSED", error: errorText(error, "unparseable") },
    });
    return { key: null, threaded: false, unparsed: true };
  }
  // PostgreSQL stores no NUL and no invalid UTF-8 in text: replace them everywhere in the parsed mail
  makeStorable(mail);
  const from = firstAddress(mail.from);
  const messageId = mail.messageId?.trim().slice(0, 998) || null;
  const meta = {
    inReplyTo: mail.inReplyTo ?? null,
    references: referencedIds(mail),
    fromAddr: from?.address ?? null,
    subject: mail.subject?.slice(0, 998) ?? null,
    parsedAt: new Date(),
  };
  if (!from || !/^[^@\s]+@[^@\s]+$/.test(from.address)) {
    await db().inboundMessage.update({
      where: { id: stored.id },
      data: { ...meta, status: "UNPARSED", error: "No usable From address" },
    });
    return { key: null, threaded: false, unparsed: true };
  }

  // 3. a different mail reusing an earlier one's Message-ID is kept and flagged (the same bytes were caught at step 1)
  const reused =
    messageId !== null &&
    (await db().inboundMessage.count({ where: { messageId, id: { not: stored.id }, reportId: { not: null } } })) > 0;

  try {
    const result = await db().$transaction(async (tx) => {
      // one processing at a time per row (an HTTP retry, the retry worker, an admin's reprocess)
      const [row] = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text AS status FROM "InboundMessage" WHERE id = ${stored.id}::uuid FOR UPDATE`;
      if (row && !["RECEIVED", "UNPARSED", "FAILED"].includes(row.status)) return { done: true as const };
      await tx.inboundMessage.update({
        where: { id: stored.id },
        data: { ...meta, messageId, reusedMessageId: reused, error: null },
      });
      const thread = await findThread(tx, mail, from.address);
      const now = new Date();
      if (thread) {
        const body = replyText(bodyOf(mail)) || "(an empty reply)";
        const attachments = await saveAttachments(tx, thread.id, mailFiles(mail), stored.id);
        const sender: EventActor = thread.fromReporter
          ? { kind: "reporter", label: from.name ?? from.address }
          : { kind: "system", label: `e-mail from ${from.address}` };
        await recordEvent(tx, sender, thread.id, {
          at: now,
          kind: thread.fromReporter ? "message" : "mail_note",
          // mail from anyone but the reporter reaches the team only
          visibility: thread.fromReporter ? "REPORTER" : "INTERNAL",
          body,
          messageId,
          data: { via: "email", attachments },
        });
        const report = await tx.report.findUniqueOrThrow({ where: { id: thread.id } });
        if (thread.fromReporter) await afterReporterAnswer(tx, report, now, "email");
        await tx.inboundMessage.update({ where: { id: stored.id }, data: { status: "THREADED", reportId: thread.id } });
        return { key: thread.key, threaded: true, done: false as const };
      }
      const body = bodyOf(mail);
      const created = await createReport(tx, {
        title: (mail.subject?.trim() || "(no subject)").slice(0, MAX_TITLE),
        body,
        reporterEmail: from.address,
        reporterName: from.name,
        projectId: null,
        source: "EMAIL",
        needsFullReport: needsFullReport(body),
        inReplyTo: messageId,
        guess: { recipients: allAddresses(mail), subject: mail.subject ?? "", body },
      });
      await saveAttachments(tx, created.id, mailFiles(mail), stored.id);
      await tx.inboundMessage.update({ where: { id: stored.id }, data: { status: "CREATED", reportId: created.id } });
      return { key: created.key, threaded: false, done: false as const };
    });
    if (result.done) {
      const row = await db().inboundMessage.findUniqueOrThrow({
        where: { id: stored.id },
        select: { status: true, report: { select: { key: true } } },
      });
      return answerOf(row);
    }
    publishReportChange({ key: result.key });
    return { key: result.key, threaded: result.threaded };
  } catch (error) {
    // keep the reason beside the raw message and count the attempt; then the caller decides (503, or retry later)
    await recordFailure(stored.id, error, meta).catch(() => {});
    throw error;
  }
}

function errorText(error: unknown, fallback: string): string {
  return storableText(error instanceof Error ? error.message.slice(0, 500) : fallback);
}

/** One more failed attempt: retried after a backoff, or FAILED once it has failed MAX_ATTEMPTS times. */
async function recordFailure(id: string, error: unknown, meta: Prisma.InboundMessageUpdateInput = {}) {
  const row = await db().inboundMessage.update({
    where: { id },
    data: { ...meta, attempts: { increment: 1 }, error: errorText(error, "failed") },
    select: { attempts: true },
  });
  const failed = row.attempts >= MAX_ATTEMPTS;
  await db().inboundMessage.updateMany({
    where: { id, status: "RECEIVED" },
    data: failed
      ? { status: "FAILED", nextAttemptAt: null }
      : { nextAttemptAt: new Date(Date.now() + retryDelayMs(row.attempts)) },
  });
}

/** Admin view: the outbox, newest first. */
export async function listOutbox(actor: Actor | null, status?: "PENDING" | "SENT" | "FAILED") {
  authorize(actor, "settings.manage");
  const rows = await db().outboundMail.findMany({
    where: status ? { status } : {},
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      createdAt: true,
      toAddr: true,
      subject: true,
      text: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      nextAttemptAt: true,
      template: true,
      report: { select: { key: true } },
    },
  });
  // a pending reset link or status link is a credential: admins see that it waits, not the link
  return rows.map((m) => ({
    ...m,
    text:
      m.template === PASSWORD_RESET_TEMPLATE
        ? REDACTED_RESET
        : redactStatusLinks(openMailBody({ ...m, html: null }).text),
  }));
}
