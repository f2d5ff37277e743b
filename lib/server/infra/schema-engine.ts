import "server-only";

import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as SchemaEngineBg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

// Prisma's schema engine, compiled to WebAssembly, drives our migrations:
// the native engine the Prisma CLI wants cannot be downloaded here, and the
// wasm build writes and reads `prisma/migrations` exactly as
// `prisma migrate deploy` does, so both stay interchangeable.

const root = process.cwd();
export const SCHEMA_PATH = path.join(root, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(root, "prisma", "migrations");
const LOCKFILE = "migration_lock.toml";

let wasmReady: Promise<typeof SchemaEngineBg> | undefined;

function loadWasm() {
  wasmReady ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return wasmReady;
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on ";", which
 * breaks any function body. pg runs a whole multi-statement script in one
 * simple query (and one implicit transaction), as Prisma's native engine
 * does, so hand it the script whole.
 */
async function connectWholeScripts(factory: SqlMigrationAwareDriverAdapterFactory) {
  const adapter = await factory.connect();
  const driver = (adapter as { underlyingDriver?: () => unknown }).underlyingDriver?.();
  if (driver && typeof (driver as { query?: unknown }).query === "function" && factory.adapterName.includes("pg")) {
    adapter.executeScript = async (script: string) => {
      await (driver as { query: (sql: string) => Promise<unknown> }).query(script);
    };
  }
  return adapter;
}

/** An adapter factory whose shadow database is a throwaway in-memory PGlite. */
function withMemoryShadow(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => connectWholeScripts(factory),
    connectToShadowDb: async () => new PrismaPGlite(new PGlite()).connect(),
  };
}

async function openEngine(factory: SqlMigrationAwareDriverAdapterFactory, datamodel: string): Promise<SchemaEngine> {
  const bg = await loadWasm();
  const logs: string[] = [];
  return bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", datamodel]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(withMemoryShadow(factory)),
  );
}

export async function readSchema(): Promise<string> {
  return readFile(SCHEMA_PATH, "utf8");
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  let names: string[] = [];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const lockContent = await readFile(path.join(dir, LOCKFILE), "utf8").catch(() => null);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const content = await readFile(path.join(dir, name, "migration.sql"), "utf8").then(
        (sql) => ({ tag: "ok" as const, value: sql }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

/** Applies every pending migration; returns the names it applied. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openEngine(factory, await readSchema());
  try {
    const out = await engine.applyMigrations({ migrationsList: await loadMigrations(), filters: NO_FILTER });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

type DiffSource = "migrations" | "database";

async function diffToSchema(factory: SqlMigrationAwareDriverAdapterFactory, source: DiffSource): Promise<string> {
  const datamodel = await readSchema();
  const engine = await openEngine(factory, datamodel);
  const files = [{ path: "schema.prisma", content: datamodel }];
  try {
    const out = await engine.diff({
      from:
        source === "migrations"
          ? { tag: "migrations", ...(await loadMigrations()) }
          : { tag: "schemaDatasource", files, configDir: root },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return normalizeScript(out.stdout);
  } finally {
    engine.free();
  }
}

/** SQL that takes a database built from the migrations folder to prisma/schema.prisma; empty when they agree. */
export function diffMigrationsToSchema(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  return diffToSchema(factory, "migrations");
}

/** SQL that takes the live database behind `factory` to the schema; empty when it matches. */
export function diffDatabaseToSchema(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  return diffToSchema(factory, "database");
}

function normalizeScript(script: string | null): string {
  const text = (script ?? "").trim();
  return text === "-- This is an empty migration." ? "" : text;
}
