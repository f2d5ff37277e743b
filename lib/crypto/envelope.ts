import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// The sealed-value format for everything Embargo encrypts at rest: AES-256-GCM
// with a fresh 96-bit IV per value, the id of the key that sealed it stored
// in front, and associated data (which table, column and row the value
// belongs to) that must match on opening, so a value copied to another row
// or column does not open. Pure: no I/O, no environment — the keyring and the
// database helpers build on it.
//
// Text:  "enc1:<key id>:<base64url(iv ‖ tag ‖ ciphertext)>"
// Bytes: 0x00 "EMB" 0x01, one byte of key-id length, the key id (ASCII), iv, tag, ciphertext
//
// A value without the marker is plaintext from before encryption existed: it
// is passed through as it is (see isSealedText) until the start-up pass seals it.

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const TEXT_PREFIX = "enc1:";
const BYTES_MAGIC = Buffer.from([0x00, 0x45, 0x4d, 0x42, 0x01]);

export type Key = { id: string; key: Buffer };
/** The keys this process can open with, and the one it seals with. */
export type Keys = { current: Key; all: ReadonlyMap<string, Key> };

export class EnvelopeError extends Error {
  constructor(
    message: string,
    readonly reason: "unknown_key" | "malformed" | "authentication",
    readonly keyId?: string,
  ) {
    super(message);
    this.name = "EnvelopeError";
  }
}

/** A key's id: derived from the key, so a key given by environment needs no separate name. */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update("embargo key id\0").update(key).digest("hex").slice(0, 12);
}

export function makeKey(key: Buffer): Key {
  if (key.length !== KEY_BYTES) throw new Error(`An encryption key is ${KEY_BYTES} bytes, not ${key.length}.`);
  return { id: keyIdOf(key), key };
}

export function newKey(): Key {
  return makeKey(randomBytes(KEY_BYTES));
}

/** A keyring from its keys; the first one is the current one (it seals), all of them open. */
export function keysOf(keys: Key[]): Keys {
  const [current] = keys;
  if (!current) throw new Error("A keyring needs at least one key.");
  return { current, all: new Map(keys.map((k) => [k.id, k])) };
}

function sealRaw(key: Key, ad: string, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  cipher.setAAD(Buffer.from(ad, "utf8"));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

function openRaw(keys: Keys, keyId: string, ad: string, sealed: Buffer): Buffer {
  const key = keys.all.get(keyId);
  if (!key) throw new EnvelopeError(`No key with id ${keyId} is loaded.`, "unknown_key", keyId);
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new EnvelopeError("A sealed value is too short.", "malformed");
  const decipher = createDecipheriv("aes-256-gcm", key.key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(ad, "utf8"));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new EnvelopeError(
      "A sealed value did not authenticate (wrong key, wrong row, or tampered).",
      "authentication",
    );
  }
}

export function isSealedText(stored: string): boolean {
  return stored.startsWith(TEXT_PREFIX);
}

export function isSealedBytes(stored: Uint8Array): boolean {
  return stored.length > BYTES_MAGIC.length && Buffer.from(stored.buffer, stored.byteOffset, 5).equals(BYTES_MAGIC);
}

/** The id of the key a stored value was sealed with; null for plaintext. */
export function sealedKeyId(stored: string | Uint8Array): string | null {
  if (typeof stored === "string") return isSealedText(stored) ? (stored.split(":", 3)[1] ?? null) : null;
  if (!isSealedBytes(stored)) return null;
  const len = stored[BYTES_MAGIC.length]!;
  return Buffer.from(stored.buffer, stored.byteOffset + BYTES_MAGIC.length + 1, len).toString("ascii");
}

/** The marker every text value sealed with this key starts with (for finding values under other keys in SQL). */
export const textPrefixOf = (keyId: string) => `${TEXT_PREFIX}${keyId}:`;

/** The bytes every binary value sealed with this key starts with. */
export const bytesPrefixOf = (keyId: string) =>
  Buffer.concat([BYTES_MAGIC, Buffer.from([keyId.length]), Buffer.from(keyId, "ascii")]);

export function sealText(keys: Keys, ad: string, plain: string): string {
  return textPrefixOf(keys.current.id) + sealRaw(keys.current, ad, Buffer.from(plain, "utf8")).toString("base64url");
}

/** Opens a sealed text value; a value without the marker is legacy plaintext and comes back unchanged. */
export function openText(keys: Keys, ad: string, stored: string): string {
  if (!isSealedText(stored)) return stored;
  const parts = stored.split(":");
  if (parts.length !== 3 || !parts[1] || !parts[2]) throw new EnvelopeError("A sealed text is malformed.", "malformed");
  return openRaw(keys, parts[1], ad, Buffer.from(parts[2], "base64url")).toString("utf8");
}

export function sealBytes(keys: Keys, ad: string, plain: Uint8Array): Buffer {
  return Buffer.concat([bytesPrefixOf(keys.current.id), sealRaw(keys.current, ad, Buffer.from(plain))]);
}

/** Opens sealed bytes; bytes without the marker are legacy plaintext and come back unchanged. */
export function openBytes(keys: Keys, ad: string, stored: Uint8Array): Buffer {
  const buf = Buffer.from(stored.buffer, stored.byteOffset, stored.length);
  const keyId = sealedKeyId(buf);
  if (keyId === null) return buf;
  return openRaw(keys, keyId, ad, buf.subarray(BYTES_MAGIC.length + 1 + keyId.length));
}

/** The associated data of a value: which column of which row it belongs to. */
export const associatedData = (field: string, rowId: string) => `embargo/${field}/${rowId}`;
