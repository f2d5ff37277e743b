import "server-only";

import { simpleParser } from "mailparser";

import { DomainError } from "@/lib/errors";
import type { InboundResult } from "@/lib/schemas/inbound";
import { mailToReportInput } from "@/lib/schemas/inbound";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";
import { publishReportChange } from "@/lib/server/infra/live";
import { loadInboundRaw } from "@/lib/server/infra/sealed";
import { parseInput } from "@/lib/server/infra/validate";
import { mailFiles, mailText, processInbound } from "@/lib/server/mail/inbound";
import { namedProjectId } from "@/lib/server/projects/project-not-found";
import { saveAttachments } from "@/lib/server/reports/attachments";
import { createReport } from "@/lib/server/reports/intake";
import { recordEvent } from "@/lib/server/reports/timeline";
import { statusUrl } from "@/lib/server/status/token";

// Settings → Unparsed mail: messages that became no report. An admin downloads
// the raw message, runs intake on it again (after a fix, say), or turns it into
// a report by hand. The stored row is reused each time: nothing is copied.

/** A message stored and still RECEIVED after this long failed on its way (a crash, a database error); the retry
 * worker keeps trying it until it gives up (FAILED). */
const STUCK_AFTER_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const waiting = () => ({
  OR: [
    { status: "UNPARSED" as const },
    { status: "FAILED" as const },
    { status: "RECEIVED" as const, receivedAt: { lt: new Date(Date.now() - STUCK_AFTER_MS) } },
  ],
});

/** Mail that could not be read, or that stuck after an error, newest first (the raw bytes stay in the database). */
export async function listUnparsedMail(actor: Actor | null) {
  authorize(actor, "settings.manage");
  return db().inboundMessage.findMany({
    where: waiting(),
    orderBy: { receivedAt: "desc" },
    take: 200,
    select: {
      id: true,
      receivedAt: true,
      status: true,
      sizeBytes: true,
      fromAddr: true,
      subject: true,
      error: true,
      attempts: true,
    },
  });
}

export async function listUnparsedMailView(actor: Actor | null) {
  const rows = await listUnparsedMail(actor);
  return {
    items: rows.map((r) => ({
      ...r,
      status: r.status as "UNPARSED" | "RECEIVED" | "FAILED",
      receivedAt: r.receivedAt.toISOString(),
    })),
  };
}

async function waitingMessage(id: string) {
  const row = UUID.test(id)
    ? await db().inboundMessage.findUnique({
        where: { id },
        select: { id: true, status: true, receivedAt: true },
      })
    : null;
  const raw = row && (await loadInboundRaw(db(), row.id));
  if (!row || !raw) throw new DomainError("not_found", "No such inbound message.");
  const stuck = row.status === "RECEIVED" && row.receivedAt.getTime() < Date.now() - STUCK_AFTER_MS;
  if (row.status !== "UNPARSED" && row.status !== "FAILED" && !stuck)
    throw new DomainError("conflict", `This message was already handled (it is ${row.status.toLowerCase()}).`);
  return { ...row, raw };
}

/** The raw message as it arrived, for an admin to download (any status: the bytes are never changed). */
export async function rawMail(actor: Actor | null, id: string): Promise<{ filename: string; bytes: Buffer }> {
  authorize(actor, "settings.manage");
  const bytes = UUID.test(id) ? await loadInboundRaw(db(), id) : null;
  if (!bytes) throw new DomainError("not_found", "No such inbound message.");
  return { filename: `inbound-${id}.eml`, bytes };
}

/** Runs intake again on an unparsed or stuck message: it may now thread, become a report, or stay unparsed. */
export async function reprocessMail(actor: Actor | null, id: string): Promise<InboundResult & { status: string }> {
  authorize(actor, "settings.manage");
  const row = await waitingMessage(id);
  await db().$transaction((tx) =>
    audit(tx, actor!, {
      action: "inbound.reprocess",
      entityType: "inboundMessage",
      entityId: id,
      before: { status: row.status },
    }),
  );
  const result = await processInbound(row, row.raw);
  const after = await db().inboundMessage.findUniqueOrThrow({ where: { id }, select: { status: true } });
  return { ...result, status: after.status };
}

/** Makes a report by hand from a message intake could not read; its clocks run from when the mail arrived. */
export async function reportFromMail(
  actor: Actor | null,
  id: string,
  raw: unknown,
): Promise<{ key: string; statusUrl: string }> {
  authorize(actor, "settings.manage");
  const input = parseInput(mailToReportInput, raw);
  const row = await waitingMessage(id);
  const text = await mailText(row.raw);
  const body = input.body || text.body.trim() || "(The message had no readable text: see the raw mail.)";
  const result = await db().$transaction(async (tx) => {
    // claim the row first, so two admins (or a reprocess) cannot both make a report of it
    const { count } = await tx.inboundMessage.updateMany({
      where: { id, status: row.status },
      data: { status: "CREATED", error: null },
    });
    if (count === 0) throw new DomainError("conflict", "This message was handled meanwhile.");
    const projectId = await namedProjectId(tx, input.project);
    const created = await createReport(tx, {
      title: input.title,
      body,
      reporterEmail: input.reporterEmail,
      reporterName: input.reporterName,
      projectId,
      source: "EMAIL",
      receivedAt: row.receivedAt,
      inReplyTo: text.messageId,
      notify: input.notifyReporter,
      guess: projectId ? undefined : { recipients: [], subject: input.title, body },
    });
    await tx.inboundMessage.update({ where: { id }, data: { reportId: created.id } });
    try {
      await saveAttachments(tx, created.id, mailFiles(await simpleParser(row.raw)), id);
    } catch {
      // unreadable mail has no attachments to keep; the raw message stays downloadable
    }
    await recordEvent(tx, actor!, created.id, { kind: "made_from_mail", data: { inboundId: id } });
    await audit(tx, actor!, {
      action: "inbound.report",
      entityType: "inboundMessage",
      entityId: id,
      after: { key: created.key },
    });
    return created;
  });
  publishReportChange({ key: result.key });
  return { key: result.key, statusUrl: statusUrl(result.token) };
}
