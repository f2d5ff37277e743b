import "server-only";

import { randomBytes } from "node:crypto";

import { blindIndex } from "@/lib/crypto/blind-index";
import { associatedData, openBytes, openText, sealBytes, sealText } from "@/lib/crypto/envelope";

import { readBlob, readBlobs, writeBlob } from "./blobs";
import type { Db, Tx } from "./db";
import { db } from "./db";
import { keyring, withKeyring } from "./keyring";

// The one place each encrypted column is sealed and opened. A value is bound
// to its column and its row's id (the associated data), so a value copied to
// another row or column does not open. Callers give the row's id: rows whose
// encrypted value is written at insert take an id from newRowId() first.
//
// Unmarked values are plaintext written before encryption existed: they open
// as they are, and the start-up pass (lib/server/infra/rekey.ts) seals them.

export type TextField =
  "Report.body" | "TimelineEvent.body" | "OutboundMail.text" | "OutboundMail.html" | "WebhookEndpoint.secret";
export type BytesField = "InboundMessage.raw" | "Attachment.content";

export function sealField(field: TextField, rowId: string, plain: string): string {
  return sealText(keyring(), associatedData(field, rowId), plain);
}

export function openField(field: TextField, rowId: string, stored: string): string {
  return withKeyring((keys) => openText(keys, associatedData(field, rowId), stored));
}

export function sealFieldOrNull(field: TextField, rowId: string, plain: string | null | undefined): string | null {
  return plain == null ? null : sealField(field, rowId, plain);
}

export function openFieldOrNull(field: TextField, rowId: string, stored: string | null): string | null {
  return stored == null ? null : openField(field, rowId, stored);
}

export function sealBytesField(field: BytesField, rowId: string, plain: Uint8Array): Uint8Array<ArrayBuffer> {
  const sealed = sealBytes(keyring(), associatedData(field, rowId), plain);
  return new Uint8Array(sealed.buffer as ArrayBuffer, sealed.byteOffset, sealed.length);
}

export function openBytesField(field: BytesField, rowId: string, stored: Uint8Array): Buffer {
  return withKeyring((keys) => openBytes(keys, associatedData(field, rowId), stored));
}

/** A new row id (UUID v7, like Prisma's own default), for rows whose sealed value is bound to it at insert. */
export function newRowId(): string {
  const b = randomBytes(16);
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// The blind index's key: 32 random bytes made once per database and kept in
// Setting "search-index-key", sealed with the instance key. It outlives key
// rotation (only its sealing changes), so the index never needs rebuilding.

export const SEARCH_KEY_SETTING = "search-index-key";
const SEARCH_KEY_AD = associatedData("Setting.value", SEARCH_KEY_SETTING);
let searchKey: Buffer | undefined;

async function storedSearchKey(client: Db | Tx): Promise<Buffer | null> {
  const row = await client.setting.findUnique({ where: { key: SEARCH_KEY_SETTING } });
  if (!row) return null;
  const sealed = Buffer.from((row.value as { sealed: string }).sealed, "base64");
  return withKeyring((keys) => openBytes(keys, SEARCH_KEY_AD, sealed));
}

/** Transactions that made the search key and have not committed yet (as far as we know): the key they see. */
const madeIn = new WeakMap<object, Buffer>();

/**
 * The search key, read (or made, on the first use ever) through `client`. A key found stored is committed —
 * unless this very transaction made it, which may still roll back — and is kept in memory from then on.
 */
export async function searchIndexKey(client: Db | Tx): Promise<Buffer> {
  if (searchKey) return searchKey;
  const mine = madeIn.get(client);
  if (mine) return mine;
  const stored = await storedSearchKey(client);
  if (stored) return (searchKey = stored);
  const sealed = sealBytes(keyring(), SEARCH_KEY_AD, randomBytes(32)).toString("base64");
  // a concurrent first use may have made one: keep the stored one
  await client.$executeRaw`
    INSERT INTO "Setting" ("key", "value", "updatedAt")
    VALUES (${SEARCH_KEY_SETTING}, ${JSON.stringify({ sealed })}::jsonb, now())
    ON CONFLICT ("key") DO NOTHING`;
  const made = (await storedSearchKey(client))!;
  if (client === db()) searchKey = made;
  else madeIn.set(client, made);
  return made;
}

/** The blind index of a text's words (see lib/crypto/blind-index.ts). */
export async function wordsIndex(client: Db | Tx, text: string | null | undefined): Promise<string[]> {
  return text ? blindIndex(await searchIndexKey(client), text) : [];
}

/** Seals the search key's setting again with the current key (key rotation). */
export async function resealSearchKey(client: Db): Promise<void> {
  const key = await searchIndexKey(client);
  const value = { sealed: sealBytes(keyring(), SEARCH_KEY_AD, key).toString("base64") };
  await client.setting.update({ where: { key: SEARCH_KEY_SETTING }, data: { value } });
}

// Per column: what a write stores, and what a read gives back.

/** Report.body sealed, with its words' blind index. */
export async function reportBodyData(client: Db | Tx, reportId: string, body: string) {
  return { body: sealField("Report.body", reportId, body), bodyWords: await wordsIndex(client, body) };
}

export const openReportBody = (row: { id: string; body: string }) => openField("Report.body", row.id, row.body);

/** TimelineEvent.body (a message, a note, a reply) sealed, with its words' blind index. */
export async function eventBodyData(client: Db | Tx, eventId: string, body: string | null | undefined) {
  return { body: sealFieldOrNull("TimelineEvent.body", eventId, body), bodyWords: await wordsIndex(client, body) };
}

export const openEventBody = (row: { id: string; body: string | null }) =>
  openFieldOrNull("TimelineEvent.body", row.id, row.body);

/** OutboundMail.text and .html sealed (they hold the reporter's words and, until sent, their status link). */
export const mailBodyData = (mailId: string, text: string, html: string | null) => ({
  text: sealField("OutboundMail.text", mailId, text),
  html: sealFieldOrNull("OutboundMail.html", mailId, html),
});

export const openMailBody = (row: { id: string; text: string; html: string | null }) => ({
  text: openField("OutboundMail.text", row.id, row.text),
  html: openFieldOrNull("OutboundMail.html", row.id, row.html),
});

/** Seals a stored mail's raw bytes into its row (which exists, created with an empty `raw`). */
export async function storeInboundRaw(client: Db | Tx, inboundId: string, raw: Uint8Array): Promise<void> {
  await writeBlob(client, "InboundMessage.raw", inboundId, sealBytesField("InboundMessage.raw", inboundId, raw));
}

/** A stored mail's raw bytes, or null when there is no such row. */
export async function loadInboundRaw(client: Db | Tx, inboundId: string): Promise<Buffer | null> {
  const stored = await readBlob(client, "InboundMessage.raw", inboundId);
  return stored && openBytesField("InboundMessage.raw", inboundId, stored);
}

/** Seals a file's bytes into its attachment row (which exists, created without content). */
export async function storeAttachmentContent(client: Db | Tx, attachmentId: string, content: Uint8Array) {
  await writeBlob(
    client,
    "Attachment.content",
    attachmentId,
    sealBytesField("Attachment.content", attachmentId, content),
  );
}

/** The bytes of the attachments of `ids` that have stored content. */
export async function loadAttachmentContents(client: Db | Tx, ids: string[]): Promise<Map<string, Buffer>> {
  const stored = await readBlobs(client, "Attachment.content", ids);
  return new Map([...stored].map(([id, b]) => [id, openBytesField("Attachment.content", id, b)]));
}
