import "server-only";

import { openDatabase } from "./database";
import { applyMigrations, loadMigrations } from "./schema-engine";

// Applies pending migrations to the configured database. Reading
// _prisma_migrations first keeps the common case (nothing to do) fast; the
// schema engine only loads when there is work.

async function appliedNames(): Promise<Set<string> | null> {
  const adapter = await openDatabase().factory.connect();
  try {
    const exists = await adapter.queryRaw({
      sql: `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`,
      args: [],
      argTypes: [],
    });
    if (!exists.rows[0]?.[0]) return null;
    const rows = await adapter.queryRaw({
      sql: `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      args: [],
      argTypes: [],
    });
    return new Set(rows.rows.map((r) => String(r[0])));
  } finally {
    await adapter.dispose?.();
  }
}

export async function migrateDatabase(): Promise<string[]> {
  const wanted = (await loadMigrations()).migrationDirectories.map((d) => d.path);
  const applied = await appliedNames();
  if (applied && wanted.every((name) => applied.has(name))) return [];
  return applyMigrations(openDatabase().factory);
}
