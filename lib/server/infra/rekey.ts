import "server-only";

import { blindIndex } from "@/lib/crypto/blind-index";
import { bytesPrefixOf, isSealedBytes, isSealedText, textPrefixOf } from "@/lib/crypto/envelope";
import { addKeyToFile } from "@/lib/crypto/keyfile";

import { swapBlob } from "./blobs";
import { db } from "./db";
import { keyFileInUse, keyring, reloadKeyring } from "./keyring";
import type { BytesField, TextField } from "./sealed";
import { openBytesField, openField, resealSearchKey, sealBytesField, sealField, searchIndexKey } from "./sealed";

// Seals every encrypted column's values with the current key: plaintext left
// from before encryption (run at every start, after the migrations) and values
// under an older key (`keys rotate`). It works in batches of rows, in id order,
// while the app runs: each row is rewritten only if it still holds the value
// read (compare-and-set), so a concurrent edit is never overwritten — a row
// changed meanwhile is simply looked at again in the next pass. Passes repeat
// until one finds nothing left under another key (or no key at all).

type Row = { id: string; value: string | Uint8Array };
type Column = {
  name: string;
  kind: "text" | "bytes";
  /** the table and column, quoted for SQL */
  sql: { table: string; column: string };
  /** writes `next` where the row still holds `prev`; `words` is the blind index for a body sealed the first time */
  swap: (id: string, prev: string | Uint8Array, next: string | Uint8Array, words?: string[]) => Promise<number>;
  indexed?: boolean;
};

const text = (v: string | Uint8Array) => v as string;
const bytes = (v: string | Uint8Array) => v as Uint8Array<ArrayBuffer>;

const COLUMNS: Column[] = [
  {
    name: "Report.body",
    kind: "text",
    indexed: true,
    sql: { table: `"Report"`, column: `"body"` },
    swap: async (id, prev, next, words) =>
      (
        await db().report.updateMany({
          where: { id, body: text(prev) },
          data: { body: text(next), ...(words ? { bodyWords: words } : {}) },
        })
      ).count,
  },
  {
    name: "TimelineEvent.body",
    kind: "text",
    indexed: true,
    sql: { table: `"TimelineEvent"`, column: `"body"` },
    swap: async (id, prev, next, words) =>
      (
        await db().timelineEvent.updateMany({
          where: { id, body: text(prev) },
          data: { body: text(next), ...(words ? { bodyWords: words } : {}) },
        })
      ).count,
  },
  {
    name: "OutboundMail.text",
    kind: "text",
    sql: { table: `"OutboundMail"`, column: `"text"` },
    swap: async (id, prev, next) =>
      (await db().outboundMail.updateMany({ where: { id, text: text(prev) }, data: { text: text(next) } })).count,
  },
  {
    name: "OutboundMail.html",
    kind: "text",
    sql: { table: `"OutboundMail"`, column: `"html"` },
    swap: async (id, prev, next) =>
      (await db().outboundMail.updateMany({ where: { id, html: text(prev) }, data: { html: text(next) } })).count,
  },
  {
    name: "WebhookEndpoint.secret",
    kind: "text",
    sql: { table: `"WebhookEndpoint"`, column: `"secret"` },
    swap: async (id, prev, next) =>
      (await db().webhookEndpoint.updateMany({ where: { id, secret: text(prev) }, data: { secret: text(next) } }))
        .count,
  },
  {
    name: "InboundMessage.raw",
    kind: "bytes",
    sql: { table: `"InboundMessage"`, column: `"raw"` },
    swap: async (id, prev, next) => Number(await swapBlob(db(), "InboundMessage.raw", id, bytes(prev), bytes(next))),
  },
  {
    name: "Attachment.content",
    kind: "bytes",
    sql: { table: `"Attachment"`, column: `"content"` },
    swap: async (id, prev, next) => Number(await swapBlob(db(), "Attachment.content", id, bytes(prev), bytes(next))),
  },
];

/** Rows of `column` after `after` (id order) whose value is not sealed with the current key. */
async function batchNotUnder(column: Column, keyId: string, after: string, limit: number): Promise<Row[]> {
  const { table, column: col } = column.sql;
  if (column.kind === "text") {
    const prefix = textPrefixOf(keyId);
    return db().$queryRawUnsafe<Row[]>(
      `SELECT "id"::text AS "id", ${col} AS "value" FROM ${table}
       WHERE ${col} IS NOT NULL AND left(${col}, ${prefix.length}) <> $1 AND "id" > $2::uuid
       ORDER BY "id" LIMIT ${limit}`,
      prefix,
      after,
    );
  }
  // bytes travel as base64 (lib/server/infra/blobs.ts): a raw mail may be 25 MB
  const prefix = bytesPrefixOf(keyId);
  const rows = await db().$queryRawUnsafe<{ id: string; b64: string }[]>(
    `SELECT "id"::text AS "id", encode(${col}, 'base64') AS "b64" FROM ${table}
     WHERE ${col} IS NOT NULL AND substring(${col} from 1 for ${prefix.length}) <> decode($1, 'hex') AND "id" > $2::uuid
     ORDER BY "id" LIMIT ${limit}`,
    prefix.toString("hex"),
    after,
  );
  return rows.map((r) => ({ id: r.id, value: new Uint8Array(Buffer.from(r.b64, "base64")) }));
}

async function resealRow(column: Column, row: Row): Promise<{ plaintext: boolean; swapped: boolean }> {
  if (column.kind === "text") {
    const stored = text(row.value);
    const field = column.name as TextField;
    const plain = openField(field, row.id, stored);
    const plaintext = !isSealedText(stored);
    // a body sealed for the first time also gets the blind index it never had
    const words = plaintext && column.indexed ? blindIndex(await searchIndexKey(db()), plain) : undefined;
    const swapped = (await column.swap(row.id, stored, sealField(field, row.id, plain), words)) === 1;
    return { plaintext, swapped };
  }
  const stored = bytes(row.value);
  const field = column.name as BytesField;
  const plain = openBytesField(field, row.id, stored);
  const swapped = (await column.swap(row.id, stored, sealBytesField(field, row.id, plain))) === 1;
  return { plaintext: !isSealedBytes(stored), swapped };
}

export type RekeyResult = {
  keyId: string;
  /** plaintext values sealed for the first time */
  sealed: number;
  /** values moved from an older key to the current one */
  resealed: number;
  passes: number;
  /** values still not under the current key when it gave up (a writer that keeps using an old key) */
  left: number;
};

const FIRST_ID = "00000000-0000-0000-0000-000000000000";

/** Seals every value of every encrypted column with the current key, in batches, until none is left. */
export async function rekeyAll(
  opts: { batch?: number; maxPasses?: number; onBatch?: (column: string, done: number) => void } = {},
): Promise<RekeyResult> {
  const batch = opts.batch ?? 200;
  const maxPasses = opts.maxPasses ?? 10;
  const result: RekeyResult = { keyId: keyring().current.id, sealed: 0, resealed: 0, passes: 0, left: 0 };
  await resealSearchKey(db());
  for (;;) {
    result.passes++;
    let found = 0;
    for (const column of COLUMNS) {
      let after = FIRST_ID;
      for (;;) {
        const keyId = keyring().current.id;
        result.keyId = keyId;
        const rows = await batchNotUnder(column, keyId, after, batch);
        if (!rows.length) break;
        found += rows.length;
        for (const row of rows) {
          const { plaintext, swapped } = await resealRow(column, row);
          if (swapped) result[plaintext ? "sealed" : "resealed"]++;
        }
        after = rows[rows.length - 1]!.id;
        opts.onBatch?.(column.name, result.sealed + result.resealed);
      }
    }
    if (!found) return result;
    if (result.passes >= maxPasses) {
      result.left = found;
      return result;
    }
  }
}

/**
 * `keys rotate`: with a key file, adds a new key (it seals from now on; a running server picks it up within a
 * second or two), then seals every value with it. With ENCRYPTION_KEY the operator puts the new key first in
 * it, restarts, and this seals every value with that key. Older keys stay loaded until every value is moved.
 */
export async function rotateKeys(opts: { batch?: number; onBatch?: (column: string, done: number) => void } = {}) {
  const file = keyFileInUse();
  const added = file ? addKeyToFile(file).id : null;
  if (added) reloadKeyring();
  return { added, file, ...(await rekeyAll({ ...opts, maxPasses: 20 })) };
}

/** Adds the new key without touching the database (the embedded one is held by a running server). */
export function addKeyOnly(): { added: string; file: string } | null {
  const file = keyFileInUse();
  if (!file) return null;
  const added = addKeyToFile(file).id;
  reloadKeyring();
  return { added, file };
}

let sealedWith: string | undefined;

/**
 * The server's background job: when the current key changed since it last looked (`keys rotate` added one
 * while the server held the embedded database), seal every value with it. At start everything already is
 * (the start-up pass ran before the server opened the database).
 */
export async function rekeyWhenKeyChanges(): Promise<void> {
  const current = keyring().current.id;
  if (sealedWith === undefined || sealedWith === current) {
    sealedWith = current;
    return;
  }
  const result = await rekeyAll();
  console.log(
    `Key rotation: ${result.resealed} value(s) moved to key ${result.keyId}, ${result.sealed} plaintext value(s) sealed` +
      (result.left ? `; ${result.left} still under an older key, will retry` : "; the older keys are no longer used."),
  );
  if (!result.left) sealedWith = result.keyId;
}
