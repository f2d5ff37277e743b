import "server-only";

import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { env } from "@/lib/env";

import { lockDataDir, releaseDataDir } from "./data-lock";

// The one place that decides which database backs this process: PostgreSQL
// when DATABASE_URL is set, otherwise PGlite in DATA_DIR (locked to this
// process). Everything above it sees a Prisma driver adapter factory.

type Opened = {
  kind: "postgres" | "embedded";
  /** the embedded database itself (tests read its data folder's files through it) */
  pglite?: PGlite;
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
};

const store = globalThis as unknown as { __embargoDatabase?: Opened };

export function databaseKind(): "postgres" | "embedded" {
  return env().DATABASE_URL ? "postgres" : "embedded";
}

export function openDatabase(): Opened {
  if (store.__embargoDatabase) return store.__embargoDatabase;
  if (process.env.EMBARGO_BUILD === "1") {
    throw new Error("Something tried to open the database during `next build`; pages that read data must be dynamic.");
  }
  const { DATABASE_URL, DATA_DIR } = env();
  let opened: Opened;
  if (DATABASE_URL) {
    const factory = new PrismaPg({ connectionString: DATABASE_URL, max: 10 });
    opened = { kind: "postgres", factory, close: async () => {} };
  } else if (DATA_DIR === "memory://") {
    // tests only: a throwaway in-memory database, nothing to lock
    const pglite = new PGlite();
    opened = { kind: "embedded", pglite, factory: new PrismaPGlite(pglite), close: () => pglite.close() };
  } else {
    const dir = path.resolve(DATA_DIR);
    lockDataDir(dir);
    const pglite = new PGlite(path.join(dir, "pgdata"));
    opened = {
      kind: "embedded",
      pglite,
      factory: new PrismaPGlite(pglite),
      close: async () => {
        await pglite.close();
        releaseDataDir(dir);
      },
    };
  }
  store.__embargoDatabase = opened;
  return opened;
}

export async function closeDatabase(): Promise<void> {
  const opened = store.__embargoDatabase;
  store.__embargoDatabase = undefined;
  await opened?.close();
}
