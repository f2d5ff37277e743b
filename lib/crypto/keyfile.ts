import { createHmac, randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";

import type { Key, Keys } from "./envelope";
import { KEY_BYTES, keysOf, makeKey, newKey } from "./envelope";

// Where the encryption keys and the session secret come from: ENCRYPTION_KEY
// (base64 keys, comma-separated, the first one seals) or a key file, made on
// first start with mode 0600, that lives outside DATA_DIR so a copy of the
// data folder never carries the key that opens it. Not server-only: the
// start script (scripts/prepare.ts) reads the session secret from here before
// Next runs.

export type KeyFile = {
  format: "embargo-keys/1";
  /** newest first: the first key seals, every key opens */
  keys: { id: string; key: string; createdAt: string }[];
  /** signs session cookies when NEXTAUTH_SECRET is not set */
  sessionSecret: string;
};

export type KeySource = { keys: Keys; sessionSecret: string; file: string | null };

type KeyEnv = { ENCRYPTION_KEY?: string; KEY_FILE?: string; DATA_DIR?: string };

/** The key file's place: KEY_FILE, else beside the data folder (`./.data` → `./.data.key`), never inside it. */
export function keyFilePath(e: KeyEnv): string | null {
  const dataDir = e.DATA_DIR ?? "./.data";
  if (e.KEY_FILE) {
    const file = path.resolve(/*turbopackIgnore: true*/ e.KEY_FILE);
    const dir = path.resolve(/*turbopackIgnore: true*/ dataDir);
    if (dataDir !== "memory://" && (file + path.sep).startsWith(dir + path.sep))
      throw new Error(
        `KEY_FILE (${file}) must not be inside DATA_DIR (${dir}): a copy of the data would carry its key.`,
      );
    return file;
  }
  if (dataDir === "memory://") return null;
  return `${path.resolve(/*turbopackIgnore: true*/ dataDir)}.key`;
}

/** ENCRYPTION_KEY: one or more base64 keys of 32 bytes, comma-separated, the sealing one first. */
export function parseKeyList(value: string): Key[] {
  const keys = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s, i) => {
      const bytes = Buffer.from(s, /[-_]/.test(s) ? "base64url" : "base64");
      if (bytes.length !== KEY_BYTES)
        throw new Error(
          `ENCRYPTION_KEY entry ${i + 1} is ${bytes.length} bytes; each key is ${KEY_BYTES} bytes in base64 (openssl rand -base64 32).`,
        );
      return makeKey(bytes);
    });
  if (!keys.length) throw new Error("ENCRYPTION_KEY is empty.");
  return keys;
}

export function parseKeyFile(text: string, file: string): KeyFile {
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(text) as KeyFile;
  } catch {
    throw new Error(`The key file ${file} is not valid JSON.`);
  }
  if (parsed.format !== "embargo-keys/1" || !Array.isArray(parsed.keys) || !parsed.keys.length)
    throw new Error(`The key file ${file} holds no keys.`);
  for (const k of parsed.keys) {
    if (makeKey(Buffer.from(k.key, "base64")).id !== k.id) throw new Error(`The key file ${file} has a damaged key.`);
  }
  return parsed;
}

const keysOfFile = (f: KeyFile) => keysOf(f.keys.map((k) => makeKey(Buffer.from(k.key, "base64"))));
const fileEntry = (k: Key) => ({ id: k.id, key: k.key.toString("base64"), createdAt: new Date().toISOString() });

/** Writes the whole file under a temporary name and renames it, so a reader never sees half a key file. */
function writeKeyFile(file: string, content: KeyFile, exclusive: boolean): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const target = exclusive ? file : `${file}.${process.pid}.tmp`;
  const fd = openSync(target, exclusive ? "wx" : "w", 0o600);
  try {
    writeSync(fd, `${JSON.stringify(content, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (!exclusive) renameSync(target, file);
}

function readOrCreate(file: string): KeyFile {
  try {
    return parseKeyFile(readFileSync(file, "utf8"), file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const fresh: KeyFile = {
    format: "embargo-keys/1",
    keys: [fileEntry(newKey())],
    sessionSecret: randomBytes(32).toString("base64url"),
  };
  try {
    writeKeyFile(file, fresh, true);
    return fresh;
  } catch (e) {
    // another process made it first: use theirs
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return parseKeyFile(readFileSync(file, "utf8"), file);
    throw e;
  }
}

/**
 * The keys and session secret this process uses. With ENCRYPTION_KEY the session secret is derived from its
 * first key (changing that key signs everyone out, unless NEXTAUTH_SECRET is set); with neither variable nor a
 * data folder (tests on `memory://`) an ephemeral key is made.
 */
export function loadKeySource(e: KeyEnv): KeySource {
  if (e.ENCRYPTION_KEY) {
    const keys = keysOf(parseKeyList(e.ENCRYPTION_KEY));
    const sessionSecret = createHmac("sha256", keys.current.key).update("embargo session secret").digest("base64url");
    return { keys, sessionSecret, file: null };
  }
  const file = keyFilePath(e);
  if (!file) {
    const keys = keysOf([newKey()]);
    return { keys, sessionSecret: randomBytes(32).toString("base64url"), file: null };
  }
  const content = readOrCreate(file);
  return { keys: keysOfFile(content), sessionSecret: content.sessionSecret, file };
}

/** Adds a new key in front (it seals from now on) and returns it; the older keys stay to open older values. */
export function addKeyToFile(file: string): Key {
  const content = parseKeyFile(readFileSync(file, "utf8"), file);
  const key = newKey();
  writeKeyFile(file, { ...content, keys: [fileEntry(key), ...content.keys] }, false);
  return key;
}
