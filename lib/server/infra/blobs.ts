import "server-only";

import { createHash } from "node:crypto";

import type { Db, Tx } from "./db";

// Large byte values (raw inbound mail, attachment contents) travel to and from
// the database as base64 text, converted by the server (decode/encode), never
// as a bytea parameter or result. The embedded database converts a bytea value
// through a hex string in JavaScript: a 25 MB mail took 24 s and over a
// gigabyte of memory that way, and about 3 s as base64 (measured in
// docs/email.md). PostgreSQL takes the same statements at the same speed.

/** The byte columns that may hold megabytes; the table and column names are fixed here, never from input. */
const COLUMNS = {
  "InboundMessage.raw": { table: `"InboundMessage"`, column: `"raw"` },
  "Attachment.content": { table: `"Attachment"`, column: `"content"` },
} as const;

export type BlobColumn = keyof typeof COLUMNS;

type Client = Db | Tx;

/** Writes `bytes` into the column of row `id` (the row exists); true when the row was there. */
export async function writeBlob(client: Client, name: BlobColumn, id: string, bytes: Uint8Array): Promise<boolean> {
  const { table, column } = COLUMNS[name];
  const count = await client.$executeRawUnsafe(
    `UPDATE ${table} SET ${column} = decode($1, 'base64') WHERE "id" = $2::uuid`,
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"),
    id,
  );
  return count === 1;
}

/** The column's bytes of each row of `ids` that has any (rows missing or holding null are left out). */
export async function readBlobs(client: Client, name: BlobColumn, ids: string[]): Promise<Map<string, Buffer>> {
  if (ids.length === 0) return new Map();
  const { table, column } = COLUMNS[name];
  const rows = await client.$queryRawUnsafe<{ id: string; b64: string }[]>(
    `SELECT "id"::text AS "id", encode(${column}, 'base64') AS "b64" FROM ${table}
     WHERE "id" = ANY($1::uuid[]) AND ${column} IS NOT NULL`,
    ids,
  );
  return new Map(rows.map((r) => [r.id, Buffer.from(r.b64, "base64")]));
}

/** The bytes of one row, or null. */
export async function readBlob(client: Client, name: BlobColumn, id: string): Promise<Buffer | null> {
  return (await readBlobs(client, name, [id])).get(id) ?? null;
}

/**
 * Replaces the bytes of row `id` only where it still holds `prev` (compared by SHA-256, so `prev` is not sent back),
 * for a rewrite that must not overwrite a concurrent one; true when it was replaced.
 */
export async function swapBlob(
  client: Client,
  name: BlobColumn,
  id: string,
  prev: Uint8Array,
  next: Uint8Array,
): Promise<boolean> {
  const { table, column } = COLUMNS[name];
  const count = await client.$executeRawUnsafe(
    `UPDATE ${table} SET ${column} = decode($1, 'base64')
     WHERE "id" = $2::uuid AND sha256(${column}) = decode($3, 'hex')`,
    Buffer.from(next.buffer, next.byteOffset, next.byteLength).toString("base64"),
    id,
    createHash("sha256").update(prev).digest("hex"),
  );
  return count === 1;
}
