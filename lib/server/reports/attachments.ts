import "server-only";

import { createHash } from "node:crypto";

import { MAX_PREVIEW_BYTES, cleanFilename, looksLikeText, uploadProblem } from "@/lib/domain/attachments";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { AttachmentList, AttachmentView } from "@/lib/schemas/attachments";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { loadAttachmentContents, newRowId, storeAttachmentContent } from "@/lib/server/infra/sealed";
import { getReportOrThrow } from "@/lib/server/reports/get-report-or-throw";

// Attachments, whichever way they came: mailed in (lib/server/mail/inbound.ts),
// uploaded with a report (web form, API multipart) or with a reporter's reply.
// Files over ATTACHMENT_MAX_BYTES sent by mail keep their name, size and hash
// only; uploads over it are refused before anything is written.

/** One file as it arrived: the sender's name and declared type, and its bytes. */
export type Upload = { filename: string; contentType: string; bytes: Uint8Array<ArrayBuffer> };

/** What a timeline entry records of the files that came with it. */
export type AttachmentRef = { id: string; filename: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function attachmentNotFound(): DomainError {
  return new DomainError("not_found", "No such attachment on this report.");
}

/** Stores files on a report (bytes only up to ATTACHMENT_MAX_BYTES) and returns what the timeline records. */
export async function saveAttachments(
  tx: Tx,
  reportId: string,
  files: Upload[],
  inboundId: string | null = null,
): Promise<AttachmentRef[]> {
  const cap = env().ATTACHMENT_MAX_BYTES;
  const refs: AttachmentRef[] = [];
  for (const file of files) {
    const filename = cleanFilename(file.filename);
    const id = newRowId();
    const row = await tx.attachment.create({
      data: {
        id,
        reportId,
        inboundId,
        filename,
        contentType: (file.contentType || "application/octet-stream").slice(0, 255),
        size: file.bytes.byteLength,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
      },
      select: { id: true },
    });
    if (file.bytes.byteLength <= cap) await storeAttachmentContent(tx, id, file.bytes);
    refs.push({ id: row.id, filename });
  }
  return refs;
}

/**
 * The files of a multipart form's `files` field (empty file inputs left
 * out), refused as a whole — 413 with a field error — when there are too many
 * or one is too large, so nothing is half-saved.
 */
export async function uploadsFromForm(form: FormData, field = "files"): Promise<Upload[]> {
  const files = form.getAll(field).filter((v): v is File => typeof v !== "string" && (v.size > 0 || v.name !== ""));
  const problem = uploadProblem(files, env().ATTACHMENT_MAX_BYTES);
  if (problem) throw new DomainError("too_large", problem, { fields: { files: problem } });
  return Promise.all(
    files.map(async (f) => ({
      filename: f.name,
      contentType: f.type,
      bytes: new Uint8Array(await f.arrayBuffer()),
    })),
  );
}

/** GET /api/v1/reports/{key}/attachments: every file of the report, oldest first. */
export async function listAttachments(actor: Actor | null, key: string): Promise<AttachmentList> {
  authorize(actor, "reports.read");
  const report = await getReportOrThrow(db(), key, { select: { id: true } });
  const rows = await db().attachment.findMany({
    where: { reportId: report.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    omit: { content: true },
  });
  const cap = env().ATTACHMENT_MAX_BYTES;
  // only small files can be previewed, so only their bytes are read to decide
  const small = rows.filter((r) => r.size <= Math.min(MAX_PREVIEW_BYTES, cap)).map((r) => r.id);
  const bytes = await loadAttachmentContents(db(), small);
  const stored = new Set(
    (
      await db().attachment.findMany({
        where: { reportId: report.id, content: { not: null } },
        select: { id: true },
      })
    ).map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const content = bytes.get(r.id);
      return {
        id: r.id,
        filename: r.filename,
        contentType: r.contentType,
        size: r.size,
        sha256: r.sha256,
        stored: stored.has(r.id),
        receivedAt: r.createdAt.toISOString(),
        previewable: !!content && looksLikeText(r.filename, r.contentType, content),
      };
    }),
  };
}

/** The report page's list: every file, and the text of the small UTF-8 ones (decided by their bytes). */
export async function attachmentsForPage(actor: Actor | null, key: string): Promise<AttachmentView[]> {
  const { items } = await listAttachments(actor, key);
  const ids = items.filter((i) => i.previewable).map((i) => i.id);
  const contents = await loadAttachmentContents(db(), ids);
  const text = new Map([...contents].map(([id, content]) => [id, new TextDecoder().decode(content)]));
  return items.map((i) => ({ ...i, preview: text.get(i.id) ?? null }));
}

/** GET /api/v1/reports/{key}/attachments/{id}: the stored bytes; another report's file is a 404. */
export async function readAttachment(
  actor: Actor | null,
  key: string,
  id: string,
): Promise<{ filename: string; sha256: string; bytes: Uint8Array }> {
  authorize(actor, "reports.read");
  const report = await getReportOrThrow(db(), key, { select: { id: true } });
  if (!UUID.test(id)) throw attachmentNotFound();
  const row = await db().attachment.findFirst({
    where: { id, reportId: report.id },
    select: { id: true, filename: true, sha256: true },
  });
  if (!row) throw attachmentNotFound();
  const bytes = (await loadAttachmentContents(db(), [row.id])).get(row.id);
  if (!bytes)
    throw new DomainError(
      "not_found",
      "This file was over the size limit when it arrived: only its name, size and SHA-256 were kept.",
    );
  return { filename: row.filename, sha256: row.sha256, bytes };
}
