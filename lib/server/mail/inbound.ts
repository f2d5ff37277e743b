import "server-only";

import { createHash } from "node:crypto";

import type { AddressObject, ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";

import { keyInAddress, keyInSubject, needsFullReport } from "@/lib/domain/mail-body";
import { isReportKey } from "@/lib/domain/report-key";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InboundResult } from "@/lib/schemas/inbound";
import { MAX_BODY_BYTES, MAX_TITLE } from "@/lib/schemas/reports";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { publishReportChange } from "@/lib/server/infra/live";
import { createReport } from "@/lib/server/reports/reports";
import { afterReporterAnswer } from "@/lib/server/reports/updates";

// Inbound e-mail. The raw message is stored first, in a transaction of its
// own, so nothing is lost whatever happens next; then it is parsed, and
// either threaded onto its report (a reply) or turned into a new report.
// The same Message-ID twice is accepted once.

export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;

function firstAddress(
  field: AddressObject | AddressObject[] | undefined,
): { address: string; name: string | null } | null {
  const list = ([] as AddressObject[]).concat(field ?? []).flatMap((a) => a.value);
  const hit = list.find((v) => v.address);
  return hit ? { address: hit.address!.trim().toLowerCase(), name: hit.name?.trim() || null } : null;
}

function allAddresses(mail: ParsedMail): string[] {
  const fields = [mail.to, mail.cc].flatMap((f) => ([] as AddressObject[]).concat(f ?? []));
  const delivered = ([] as string[]).concat((mail.headers.get("delivered-to") as string | string[] | undefined) ?? []);
  return [...fields.flatMap((a) => a.value.map((v) => v.address ?? "")), ...delivered].filter(Boolean);
}

function referencedIds(mail: ParsedMail): string[] {
  const refs = ([] as string[]).concat(mail.references ?? []);
  return [
    ...new Set(
      [mail.inReplyTo, ...refs]
        .filter((v): v is string => !!v)
        .flatMap((v) => v.split(/\s+/))
        .filter(Boolean),
    ),
  ].slice(0, 100);
}

/**
 * The report a reply belongs to: by our Message-IDs, or by key (subject tag
 * or tagged address) from its reporter. A From header is easy to forge and a
 * key easy to guess, so only a reply to one of our own messages, from the
 * address we sent it to, counts as the reporter speaking; anything else is
 * threaded for the team only.
 */
async function findThread(
  tx: Tx,
  mail: ParsedMail,
  from: string,
): Promise<{ id: string; key: string; fromReporter: boolean } | null> {
  const ids = referencedIds(mail);
  let reportId: string | null = null;
  let verified = false;
  if (ids.length) {
    const ours = await tx.outboundMail.findFirst({
      where: { messageId: { in: ids }, reportId: { not: null } },
      select: { reportId: true, toAddr: true },
    });
    if (ours) {
      reportId = ours.reportId;
      verified = ours.toAddr.toLowerCase() === from;
    } else {
      const hit =
        (await tx.timelineEvent.findFirst({ where: { messageId: { in: ids } }, select: { reportId: true } })) ??
        (await tx.inboundMessage.findFirst({
          where: { messageId: { in: ids }, reportId: { not: null } },
          select: { reportId: true },
        }));
      reportId = hit?.reportId ?? null;
    }
  }
  if (!reportId) {
    const key = keyInSubject(mail.subject ?? "") ?? allAddresses(mail).map(keyInAddress).find(Boolean) ?? null;
    if (key && isReportKey(key)) {
      const byKey = await tx.report.findUnique({
        where: { key },
        select: { id: true, reporter: { select: { email: true } } },
      });
      // a key alone is no secret: only the report's own reporter threads by it
      if (byKey && byKey.reporter.email === from) reportId = byKey.id;
    }
  }
  if (!reportId) return null;
  const report = await tx.report.findUniqueOrThrow({
    where: { id: reportId },
    select: { id: true, key: true, reporter: { select: { email: true } } },
  });
  return { id: report.id, key: report.key, fromReporter: verified && report.reporter.email === from };
}

function bodyOf(mail: ParsedMail): string {
  const text = (mail.text ?? "").replace(/\r\n/g, "\n").trim();
  return Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES
    ? `${text.slice(0, MAX_BODY_BYTES / 4)}\n\n[… truncated: the full text is in the raw message]`
    : text;
}

/** Strips the quoted history from a reply, keeping what is new. */
function replyText(text: string): string {
  const lines = text.split("\n");
  const cut = lines.findIndex((l) => /^On .+wrote:$/.test(l.trim()) || /^-{2,}\s*Original Message/i.test(l.trim()));
  const kept = (cut > 0 ? lines.slice(0, cut) : lines).filter((l) => !l.startsWith(">"));
  return kept.join("\n").trim() || text.trim();
}

async function storeAttachments(tx: Tx, mail: ParsedMail, inboundId: string, reportId: string) {
  const cap = env().ATTACHMENT_MAX_BYTES;
  for (const a of mail.attachments) {
    await tx.attachment.create({
      data: {
        inboundId,
        reportId,
        filename: (a.filename ?? "attachment").slice(0, 255),
        contentType: (a.contentType ?? "application/octet-stream").slice(0, 255),
        size: a.size,
        sha256: createHash("sha256").update(a.content).digest("hex"),
        content: a.size <= cap ? new Uint8Array(a.content) : null,
      },
    });
  }
}

export async function receiveEmail(raw: Buffer): Promise<InboundResult> {
  // 1. keep the raw message, whatever it is
  const stored = await db().inboundMessage.create({
    data: { raw: new Uint8Array(raw), sizeBytes: raw.length },
    select: { id: true },
  });

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
    const earlier = await db().inboundMessage.findUnique({
      where: { messageId },
      select: { report: { select: { key: true } }, status: true },
    });
    if (earlier) {
      await db().inboundMessage.update({
        where: { id: stored.id },
        data: { ...meta, status: "DUPLICATE", error: `Duplicate of ${messageId}` },
      });
      return { key: earlier.report?.key ?? null, threaded: earlier.status === "THREADED", duplicate: true };
    }
  }

  try {
    const result = await db().$transaction(async (tx) => {
      await tx.inboundMessage.update({ where: { id: stored.id }, data: { ...meta, messageId } });
      const thread = await findThread(tx, mail, from.address);
      const now = new Date();
      if (thread) {
        const body = replyText(bodyOf(mail)) || "(an empty reply)";
        await tx.timelineEvent.create({
          data: {
            reportId: thread.id,
            at: now,
            kind: thread.fromReporter ? "message" : "mail_note",
            // mail from anyone but the reporter reaches the team only
            visibility: thread.fromReporter ? "REPORTER" : "INTERNAL",
            actorType: thread.fromReporter ? "REPORTER" : "SYSTEM",
            actorLabel: thread.fromReporter ? (from.name ?? from.address) : `e-mail from ${from.address}`,
            body,
            messageId,
            data: { via: "email", attachments: mail.attachments.map((a) => a.filename ?? "attachment") },
          },
        });
        await storeAttachments(tx, mail, stored.id, thread.id);
        const report = await tx.report.findUniqueOrThrow({ where: { id: thread.id } });
        if (thread.fromReporter) await afterReporterAnswer(tx, report, now);
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
      });
      await storeAttachments(tx, mail, stored.id, created.id);
      await tx.inboundMessage.update({ where: { id: stored.id }, data: { status: "CREATED", reportId: created.id } });
      return { key: created.key, threaded: false };
    });
    publishReportChange({ key: result.key });
    return result;
  } catch (error) {
    const target = error instanceof Prisma.PrismaClientKnownRequestError ? JSON.stringify(error.meta ?? {}) : "";
    if (
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002" &&
      messageId &&
      target.includes("messageId")
    ) {
      // the same message arrived twice at once: the other copy won
      const earlier = await db().inboundMessage.findUnique({
        where: { messageId },
        select: { report: { select: { key: true } }, status: true },
      });
      await db().inboundMessage.update({
        where: { id: stored.id },
        data: { ...meta, status: "DUPLICATE", error: `Duplicate of ${messageId}` },
      });
      return { key: earlier?.report?.key ?? null, threaded: earlier?.status === "THREADED", duplicate: true };
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

/** Admin view: mail that could not be read, newest first (the raw bytes stay in the database). */
export async function listUnparsedMail(actor: Actor | null) {
  authorize(actor, "settings.manage");
  return db().inboundMessage.findMany({
    where: { status: "UNPARSED" },
    orderBy: { receivedAt: "desc" },
    take: 200,
    select: { id: true, receivedAt: true, sizeBytes: true, fromAddr: true, subject: true, error: true },
  });
}

/** Admin view: the outbox, newest first. */
export async function listOutbox(actor: Actor | null, status?: "PENDING" | "SENT" | "FAILED") {
  authorize(actor, "settings.manage");
  return db().outboundMail.findMany({
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
}
