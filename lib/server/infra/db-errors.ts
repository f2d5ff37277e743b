import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { db } from "./db";

// Is the database unavailable (so the caller should try again later, a 503)?
// Decided by error type and code, never by message text: Prisma's request and
// initialisation errors, the driver adapter's error kinds, PostgreSQL SQLSTATE
// classes and Node's socket errors. An error of no known kind (a driver that
// throws a bare Error when its connection drops, a closed PGlite, a database
// refusing connections) is settled by asking the database itself with a short
// probe, only on the error path.

/** Prisma codes that mean "no usable database right now". */
const PRISMA_CODES = new Set([
  "P1000", // authentication failed
  "P1001", // can't reach the server
  "P1002", // the server timed out
  "P1003", // the database does not exist
  "P1008", // operation timed out
  "P1010", // access denied
  "P1011", // TLS connection error
  "P1017", // the server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2028", // transaction API error: no connection for a transaction in time, or it expired
  "P2037", // too many connections
]);

/** Driver adapter error kinds that mean the same (see @prisma/driver-adapter-utils). */
const ADAPTER_KINDS = new Set([
  "AuthenticationFailed",
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "TlsConnectionError",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/** Node socket error codes. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 53 (insufficient resources), 57P01-57P03 (the server
 * is shutting down or starting), 58 (system error such as I/O), 3D000 (no such database) and 28 (auth).
 */
export function isUnavailableSqlState(code: string): boolean {
  return /^(08|53|58|28)/.test(code) || /^57P0[123]$/.test(code) || code === "3D000";
}

type Errorish = { code?: unknown; kind?: unknown; cause?: unknown; meta?: unknown; syscall?: unknown };

/** Known by its type or code to be an unavailable database; `undefined` when the error is of no known kind. */
export function classifyDatabaseError(error: unknown): boolean | undefined {
  const seen = new Set<unknown>();
  let known = false;
  const visit = (e: unknown): boolean => {
    if (!e || typeof e !== "object" || seen.has(e)) return false;
    seen.add(e);
    if (e instanceof Prisma.PrismaClientInitializationError) return true;
    if (e instanceof Prisma.PrismaClientRustPanicError) return true;
    const x = e as Errorish;
    if (e instanceof Prisma.PrismaClientKnownRequestError) {
      known = true;
      if (PRISMA_CODES.has(e.code)) return true;
    }
    if (e instanceof Prisma.PrismaClientValidationError) known = true;
    if (typeof x.kind === "string") {
      known = true;
      if (ADAPTER_KINDS.has(x.kind)) return true;
      if (x.kind === "postgres" && typeof x.code === "string" && isUnavailableSqlState(x.code)) return true;
    }
    if (typeof x.code === "string") {
      if (typeof x.syscall === "string" && SOCKET_CODES.has(x.code)) return true;
      if (/^[0-9A-Z]{5}$/.test(x.code) && "severity" in x) {
        known = true;
        if (isUnavailableSqlState(x.code)) return true;
      }
    }
    const meta = x.meta as { driverAdapterError?: unknown } | undefined;
    return visit(x.cause) || visit(meta?.driverAdapterError) || visit((x as { originalError?: unknown }).originalError);
  };
  if (visit(error)) return true;
  return known ? false : undefined;
}

/** Whether the database answers a trivial query within a couple of seconds. */
export async function databaseAnswers(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("probe timed out")), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * True when the error means the database is unavailable: by its kind, else by a probe (an error of another kind,
 * "database not accepting connections" say, or a closed PGlite, still means an outage when the probe fails too).
 */
export async function isDatabaseUnavailable(error: unknown): Promise<boolean> {
  if (classifyDatabaseError(error) === true) return true;
  return !(await databaseAnswers());
}
