import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { describe, expect, it } from "vitest";

import { databaseKind, openDatabase } from "@/lib/server/infra/database";
import { db } from "@/lib/server/infra/db";
import {
  applyMigrations,
  diffDatabaseToSchema,
  diffMigrationsToSchema,
  loadMigrations,
} from "@/lib/server/infra/schema-engine";

type Queryable = { queryRaw(q: { sql: string; args: unknown[]; argTypes: never[] }): Promise<{ rows: unknown[][] }> };

/** Tables, columns, indexes and constraints of the public schema, as sorted text. */
async function describeSchema(adapter: Queryable): Promise<string[]> {
  const queries = [
    `SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public'`,
    `SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'`,
    `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n'`,
    `SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    `SELECT tgname || ' ' || tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal`,
  ];
  const lines: string[] = [];
  for (const sql of queries) {
    const result = await adapter.queryRaw({ sql, args: [], argTypes: [] });
    lines.push(...result.rows.map((r) => String(r[0])));
  }
  return lines.sort();
}

describe(`migrations (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("are in Prisma Migrate's format", async () => {
    const list = await loadMigrations();
    expect(list.lockfile.content).toMatch(/provider = "postgresql"/);
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const dir of list.migrationDirectories) {
      expect(dir.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(dir.migrationFile.content.tag).toBe("ok");
    }
  });

  // Replaying every migration into a fresh PGlite takes ~30 s alone and over a minute on a
  // loaded two-core machine; the suite's 60 s default is for ordinary tests.
  it("replayed from scratch produce exactly the schema", { timeout: 300_000 }, async () => {
    expect(await diffMigrationsToSchema(new PrismaPGlite(new PGlite()))).toBe("");
  });

  it("applied to this database leave nothing to change", async () => {
    if (databaseKind() === "embedded") {
      expect(await diffDatabaseToSchema(openDatabase().factory)).toBe("");
    } else {
      // The schema engine cannot introspect PostgreSQL through
      // @prisma/adapter-pg (it cannot read the catalogs' "char" columns), so
      // compare this database's catalog with an embedded database built by
      // the same migrations, which the engine does verify against the schema.
      const reference = new PrismaPGlite(new PGlite());
      await applyMigrations(reference);
      expect(await diffDatabaseToSchema(reference)).toBe("");
      const referenceAdapter = await reference.connect();
      const ours = await openDatabase().factory.connect();
      try {
        expect(await describeSchema(ours)).toEqual(await describeSchema(referenceAdapter));
      } finally {
        await ours.dispose();
      }
    }
    const rows = await db().$queryRaw<
      { migration_name: string }[]
    >`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(rows.map((r) => r.migration_name).sort()).toEqual(
      (await loadMigrations()).migrationDirectories.map((d) => d.path),
    );
    expect(databaseKind()).toBe(process.env.DATABASE_URL ? "postgres" : "embedded");
  });

  it("keep the audit log append-only", async () => {
    const row = await db().auditLog.create({
      data: { actorLabel: "test", action: "x", entityType: "t", entityId: "1" },
    });
    await expect(db().auditLog.update({ where: { id: row.id }, data: { action: "y" } })).rejects.toThrow(/append-only/);
    await expect(db().auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });
});
