import "server-only";

import { randomBytes } from "node:crypto";

import { DomainError } from "@/lib/errors";
import { setupInput } from "@/lib/schemas/users";
import { hashesEqual, sha256Hex } from "@/lib/server/infra/crypto";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";

import type { UserRow } from "./users";
import { createFirstAdmin, hasAnyUser } from "./users";

// The one-time setup code (issue 14 §5). While no user exists, the server
// prints a fresh code in its log at every start; /setup and POST /api/v1/setup
// need it, so the first visitor of a fresh install exposed to a network cannot
// make themselves admin. Only its SHA-256 is stored (in Setting), compared in
// constant time; it is deleted when the first admin is created.

const KEY = "setupCodeHash";
/** Crockford's base32: no I, L, O or U to misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 16 random characters (80 bits) in four groups: "7K3Q-M9TX-2HVD-P4RC". */
export function newSetupCode(): string {
  const chars = [...randomBytes(16)].map((b) => ALPHABET[b % 32]!).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/** What a person types, made comparable: case, spaces and dashes do not matter, nor O/0 and I/L/1 mix-ups. */
export function normaliseSetupCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

function hashOf(code: string): string {
  return sha256Hex(normaliseSetupCode(code));
}

/**
 * At start, while no user exists: stores a new code's hash (replacing any
 * earlier one) and prints the code in the log. Returns it, or null once a user exists.
 */
export async function issueSetupCode(log: (line: string) => void = console.log): Promise<string | null> {
  if (await hasAnyUser()) {
    await db().setting.deleteMany({ where: { key: KEY } });
    return null;
  }
  const code = newSetupCode();
  const value = { hash: hashOf(code), issuedAt: new Date().toISOString() };
  await db().setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
  log(
    `Embargo setup code: ${code} — open /setup and enter it to create the first admin (a new one is printed at each start until then).`,
  );
  return code;
}

/** The setup page asks for one: issues (and prints) a code when none is stored, e.g. a server started without `npm start`. */
export async function ensureSetupCode(): Promise<void> {
  if (await db().setting.findUnique({ where: { key: KEY }, select: { key: true } })) return;
  await issueSetupCode();
}

async function codeMatches(tx: Pick<Tx, "setting">, code: string): Promise<boolean> {
  const row = await tx.setting.findUnique({ where: { key: KEY } });
  const stored = (row?.value as { hash?: unknown } | null)?.hash;
  return typeof stored === "string" && hashesEqual(stored, hashOf(code));
}

const alreadyDone = () => new DomainError("conflict", "Setup is already complete. Sign in instead.");
const wrongCode = () =>
  new DomainError("forbidden", "That is not the setup code.", {
    fields: { code: "Not the setup code: copy it from the server's log (the line with “setup code”)" },
  });

/**
 * /setup and POST /api/v1/setup: creates the first admin with the logged
 * code, only while no user exists (409 after), and uses the code up.
 */
export async function setupWithCode(raw: unknown): Promise<UserRow> {
  // refuse before parsing or hashing anything once setup is done
  if (await hasAnyUser()) throw alreadyDone();
  const input = parseInput(setupInput, raw);
  if (!(await codeMatches(db(), input.code))) throw wrongCode();
  return createFirstAdmin(input, async (tx) => {
    if (!(await codeMatches(tx, input.code))) throw wrongCode();
    await tx.setting.deleteMany({ where: { key: KEY } });
  });
}
