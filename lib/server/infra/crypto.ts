import "server-only";

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Every secret we hand out is 32 random bytes; only its SHA-256 is stored,
// and a presented secret is compared with the stored hash in constant time.

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function hashesEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ba.length === bb.length && ba.length > 0 && timingSafeEqual(ba, bb);
}

export const API_TOKEN_PREFIX = "emb_";

export function newApiToken(): string {
  return API_TOKEN_PREFIX + newSecret();
}
