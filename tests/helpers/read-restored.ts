// Run as a child process by tests/integration/backup.test.ts: starts on a restored data folder as the app does
// (migrations, then the start-up encryption pass) and prints each report's key and body as JSON.
import { SYSTEM } from "@/lib/server/auth/actor";
import { closeDatabase } from "@/lib/server/infra/database";
import { disconnectDb } from "@/lib/server/infra/db";
import { migrateDatabase } from "@/lib/server/infra/migrate";
import { getReport } from "@/lib/server/reports/detail";
import { listReports } from "@/lib/server/reports/list";

await migrateDatabase();
const { items } = await listReports(SYSTEM, { limit: 200 });
const out: Record<string, string> = {};
for (const item of items) out[item.key] = (await getReport(SYSTEM, item.key)).body;
console.log(JSON.stringify(out));
await disconnectDb();
await closeDatabase();
