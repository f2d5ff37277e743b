// `npm run db:new-migration -- <name>`: writes the next migration by diffing
// the migrations folder against prisma/schema.prisma. The shadow database is
// an in-memory PGlite, so no real database is touched.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { MIGRATIONS_DIR, diffMigrationsToSchema } from "@/lib/server/infra/schema-engine";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}
const sql = await diffMigrationsToSchema(new PrismaPGlite(new PGlite()));
if (!sql) {
  console.log("The schema and the migrations agree: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
process.exit(0);
