// Prisma CLI configuration. Only `prisma generate` runs through the CLI here;
// migrations are written and applied by scripts/db.ts with Prisma's
// WebAssembly schema engine (see docs/database.md).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
