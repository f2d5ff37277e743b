import "server-only";

import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";

import { EnvelopeError, openBytes, sealBytes } from "@/lib/crypto/envelope";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";

import { audit } from "./audit";
import { databaseKind, openDatabase } from "./database";
import { db } from "./db";
import { keyring, withKeyring } from "./keyring";

// Backups of the embedded database, taken while the app runs: PGlite's own
// data-folder dump (a gzipped tar taken between two statements, so it is
// what a crash at that instant would leave, and PostgreSQL's recovery makes it
// consistent on start), sealed with the instance key, so a backup file is as
// unreadable as the database's encrypted columns without the key file.
// On PostgreSQL, pg_dump is the backup (docs/security.md).

/** Marks a file as an Embargo backup (and its format version) before the sealed bytes. */
const MAGIC = Buffer.from("EMBARGO-BACKUP-1\n");
/** The associated data of a backup's seal: a sealed column value cannot pass for a backup, nor the reverse. */
const AD = "embargo/backup";

export type BackupFile = { filename: string; bytes: Buffer };

/** GET /api/v1/admin/backup: the whole embedded database as one sealed file, for an admin; audited. */
export async function backupArchive(actor: Actor | null, now = new Date()): Promise<BackupFile> {
  authorize(actor, "settings.manage");
  const { pglite } = openDatabase();
  if (databaseKind() !== "embedded" || !pglite) {
    throw new DomainError(
      "conflict",
      "This instance runs on PostgreSQL: back it up with pg_dump (see docs/security.md), which holds only encrypted bodies.",
    );
  }
  // write dirty pages out first, so a restore replays little
  await pglite.exec("CHECKPOINT");
  const tar = Buffer.from(await (await pglite.dumpDataDir("gzip")).arrayBuffer());
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  await db().$transaction((tx) =>
    audit(tx, actor, {
      action: "backup.taken",
      entityType: "instance",
      entityId: "embedded",
      after: { bytes: tar.length },
    }),
  );
  return { filename: `embargo-backup-${stamp}.embargo`, bytes: Buffer.concat([MAGIC, sealBytes(keyring(), AD, tar)]) };
}

export type RestoreResult = { dataDir: string; reports: number; bytes: number };

/**
 * Restores a backup file into `dataDir`, which must not exist or be empty: the folder then holds the database as it
 * was, and the app starts on it with `DATA_DIR` set to it and the same key (ENCRYPTION_KEY or the key file).
 */
export async function restoreArchive(file: Buffer, dataDir: string): Promise<RestoreResult> {
  if (file.length < MAGIC.length || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new DomainError("bad_request", "This is not an Embargo backup file.");
  }
  let tar: Buffer;
  try {
    tar = withKeyring((keys) => openBytes(keys, AD, file.subarray(MAGIC.length)));
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    throw new DomainError(
      "bad_request",
      `The backup does not open with this instance's keys (${error.message}): set ENCRYPTION_KEY or KEY_FILE to the key it was taken with.`,
    );
  }
  const dir = path.resolve(dataDir);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new DomainError("conflict", `${dir} is not empty: restore into a new folder.`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const restored = new PGlite(path.join(dir, "pgdata"), { loadDataDir: new Blob([new Uint8Array(tar)]) });
  try {
    const { rows } = await restored.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Report"`);
    return { dataDir: dir, reports: rows[0]?.n ?? 0, bytes: file.length };
  } finally {
    await restored.close();
  }
}
