import "server-only";

import { statSync } from "node:fs";

import type { Keys } from "@/lib/crypto/envelope";
import { EnvelopeError } from "@/lib/crypto/envelope";
import type { KeySource } from "@/lib/crypto/keyfile";
import { loadKeySource } from "@/lib/crypto/keyfile";
import { env } from "@/lib/env";

// This process's keyring, loaded once from ENCRYPTION_KEY or the key file.
// A running server follows `keys rotate` made by another process: it looks at
// the key file's modification time at most once a second before sealing (so
// it starts sealing with the new key soon after it is added), and at once when
// it meets a value sealed with a key it does not know.

type Loaded = { source: KeySource; mtimeMs: number; checkedAt: number };

const store = globalThis as unknown as { __embargoKeyring?: Loaded };

const mtimeOf = (file: string | null) => (file ? (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) : 0);

function load(): Loaded {
  const e = env();
  const source = loadKeySource({ ENCRYPTION_KEY: e.ENCRYPTION_KEY, KEY_FILE: e.KEY_FILE, DATA_DIR: e.DATA_DIR });
  const loaded = { source, mtimeMs: mtimeOf(source.file), checkedAt: Date.now() };
  store.__embargoKeyring = loaded;
  return loaded;
}

function current(): Loaded {
  const loaded = store.__embargoKeyring ?? load();
  if (loaded.source.file && Date.now() - loaded.checkedAt >= 1000) {
    loaded.checkedAt = Date.now();
    if (mtimeOf(loaded.source.file) !== loaded.mtimeMs) return load();
  }
  return loaded;
}

/** The keys to seal and open with. */
export function keyring(): Keys {
  return current().source.keys;
}

/** Runs `run` with the keyring, reloading it once when a value names a key this process has not loaded yet. */
export function withKeyring<T>(run: (keys: Keys) => T): T {
  try {
    return run(keyring());
  } catch (e) {
    if (!(e instanceof EnvelopeError) || e.reason !== "unknown_key" || !store.__embargoKeyring?.source.file) throw e;
    return run(load().source.keys);
  }
}

/** Forgets the loaded keyring (tests, and the rotation command after it wrote a new key). */
export function reloadKeyring(): Keys {
  return load().source.keys;
}

/** The key file in use, or null when the keys come from ENCRYPTION_KEY. */
export function keyFileInUse(): string | null {
  return current().source.file;
}
