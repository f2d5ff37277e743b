import { describe, expect, it } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";

import { classifyDatabaseError, isUnavailableSqlState } from "./db-errors";

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("x", { code, clientVersion: "7", meta });
const adapter = (cause: Record<string, unknown>) =>
  Object.assign(new Error("x"), { name: "DriverAdapterError", cause });
const pgError = (code: string) => Object.assign(new Error("x"), { code, severity: "FATAL" });
const socket = (code: string) => Object.assign(new Error("x"), { code, syscall: "connect", errno: -1 });

describe("classifyDatabaseError: by type and code, never by text", () => {
  it.each<[string, unknown, boolean | undefined]>([
    ["can't reach the server (P1001)", known("P1001"), true],
    ["server closed the connection (P1017)", known("P1017"), true],
    ["pool timeout (P2024)", known("P2024"), true],
    ["no transaction in time (P2028)", known("P2028"), true],
    ["too many connections (P2037)", known("P2037"), true],
    ["a unique violation (P2002) is no outage", known("P2002"), false],
    ["not found (P2025) is no outage", known("P2025"), false],
    ["initialisation error", new Prisma.PrismaClientInitializationError("x", "7"), true],
    ["adapter: DatabaseNotReachable", adapter({ kind: "DatabaseNotReachable" }), true],
    ["adapter: ConnectionClosed", adapter({ kind: "ConnectionClosed" }), true],
    ["adapter: postgres admin shutdown 57P01", adapter({ kind: "postgres", code: "57P01" }), true],
    ["adapter: postgres connection failure 08006", adapter({ kind: "postgres", code: "08006" }), true],
    ["adapter: postgres syntax error 42601", adapter({ kind: "postgres", code: "42601" }), false],
    [
      "raw query error wrapping a terminated connection",
      known("P2010", { driverAdapterError: adapter({ kind: "postgres", code: "57P01" }) }),
      true,
    ],
    [
      "raw query error wrapping a syntax error",
      known("P2010", { driverAdapterError: adapter({ kind: "postgres", code: "42601" }) }),
      false,
    ],
    ["pg error: out of connections 53300", pgError("53300"), true],
    ["pg error: cannot connect now 57P03", pgError("57P03"), true],
    ["pg error: division by zero 22012", pgError("22012"), false],
    ["socket: ECONNREFUSED", socket("ECONNREFUSED"), true],
    ["socket: ECONNRESET", socket("ECONNRESET"), true],
    ["a plain error is unknown (the caller probes)", new Error("Connection terminated unexpectedly"), undefined],
    ["a string is unknown", "boom", undefined],
  ])("%s", (_, error, expected) => {
    expect(classifyDatabaseError(error)).toBe(expected);
  });

  it.each([
    ["08006", true],
    ["53300", true],
    ["57P01", true],
    ["57014", false],
    ["23505", false],
    ["3D000", true],
  ])("SQLSTATE %s unavailable: %s", (code, expected) => {
    expect(isUnavailableSqlState(code)).toBe(expected);
  });
});
