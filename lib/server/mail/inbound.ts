import "server-only";

import type { ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";

import { needsFullReport } from "@/lib/domain/mail-body";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InboundResult } from "@/lib/schemas/inbound";
import { MAX_TITLE } from "@/lib/schemas/reports";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { db, isUniqueViolation } from "@/lib/server/infra/db";
import { publishReportChange } from "@/lib/server/infra/live";
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
// The same Message-ID twice is accepted once.

export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;

/** The mail's attachments as uploads (the cap on stored bytes is applied by saveAttachments). */
export function mailFiles(mail: ParsedMail): Upload[] {
  return mail.attachments.map((a) => ({
    filename: a.filename ?? "attachment",
    contentType: a.contentType ?? "application/octet-stream",
    bytes: new Uint8Array(a.content),
  }));
}

/** The message already received under this Message-ID, if any. */
function earlierCopy(messageId: string) {
  return db().inboundMessage.findUnique({
    where: { messageId },
    select: { report: { select: { key: true } }, status: true },
  });
}

/** Files a second copy as a duplicate and answers as the first copy was answered. */
async function markDuplicate(
  id: string,
  meta: Prisma.InboundMessageUpdateInput,
  messageId: string,
  earlier: Awaited<ReturnType<typeof earlierCopy>>,
): Promise<InboundResult> {
  await db().inboundMessage.update({
    where: { id },
    data: { ...meta, status: "DUPLICATE", error: `Duplicate of ${messageId}` },
  });
  return { key: earlier?.report?.key ?? null, threaded: earlier?.status === "THREADED", duplicate: true };
}

export async function receiveEmail(raw: Buffer): Promise<InboundResult> {
  // 1. keep the raw message, whatever it is
  const stored = await db().inboundMessage.create({
    data: { raw: new Uint8Array(raw), sizeBytes: raw.length },
    select: { id: true },
  });
  return processInbound(stored, raw);
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
      data: { status: "UNPARSED", error: error instanceof Error ? error.message.slice(0, 500) : "unparseable" },
    });
    return { key: null, threaded: false, unparsed: true };
  }
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

  // 3. the same Message-ID twice is accepted once
  if (messageId) {
    const earlier = await earlierCopy(messageId);
    if (earlier) return markDuplicate(stored.id, meta, messageId, earlier);
  }

  try {
    const result = await db().$transaction(async (tx) => {
      await tx.inboundMessage.update({ where: { id: stored.id }, data: { ...meta, messageId } });
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
        return { key: thread.key, threaded: true };
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
      return { key: created.key, threaded: false };
    });
    publishReportChange({ key: result.key });
    return result;
  } catch (error) {
    if (messageId && isUniqueViolation(error, "messageId")) {
      // the same message arrived twice at once: the other copy won
      return markDuplicate(stored.id, meta, messageId, await earlierCopy(messageId));
    }
    // keep the reason beside the raw message, then let the mail system retry
    await db()
      .inboundMessage.update({
        where: { id: stored.id },
        data: { ...meta, error: error instanceof Error ? error.message.slice(0, 500) : "failed" },
      })
      .catch(() => {});
    throw error;
  }
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
  // a pending reset link is a credential: admins see that it waits, not the link
  return rows.map((m) => (m.template === PASSWORD_RESET_TEMPLATE ? { ...m, text: REDACTED_RESET } : m));
}
