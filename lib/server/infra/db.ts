import "server-only";

import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

import { openDatabase } from "./database";

// The Prisma client singleton, created on first use (never at import, so
// `next build` does not open the database). Secrets are omitted from every
// default select; code that needs one asks for it with `omit: {x: false}`.
// So are a stored mail's raw bytes, which every update would otherwise read back.
// Transactions wait for a pooled connection longer than Prisma's 2 s default:
// a burst of concurrent writes (many handlers, a mail storm) on a busy machine
// should queue and get its answer (often a 409), not a 500.

function create() {
  return new PrismaClient({
    adapter: openDatabase().factory,
    transactionOptions: { maxWait: 15_000, timeout: 15_000 },
    omit: {
      user: { passwordHash: true },
      apiToken: { tokenHash: true },
      statusToken: { tokenHash: true },
      passwordReset: { tokenHash: true },
      session: { tokenHash: true },
      // a stored mail's raw bytes and a file's (up to 25 MB): read as base64 through lib/server/infra/blobs.ts
      inboundMessage: { raw: true },
      attachment: { content: true },
    },
  });
}

export type Db = ReturnType<typeof create>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const store = globalThis as unknown as { __embargoPrisma?: Db };

export function db(): Db {
  store.__embargoPrisma ??= create();
  return store.__embargoPrisma;
}

export async function disconnectDb(): Promise<void> {
  const client = store.__embargoPrisma;
  store.__embargoPrisma = undefined;
  await client?.$disconnect();
}

/**
 * A unique constraint refused the write (P2002), on the given column when one is named. Through a driver
 * adapter the column is not in `meta.target` but deeper in `meta`, so the whole of it is searched.
 */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return !column || JSON.stringify(error.meta ?? {}).includes(column);
}
