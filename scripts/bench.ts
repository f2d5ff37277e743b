// `npm run bench`: times the hot paths against a real database and prints
// figures (no assertions). Embedded in-memory PGlite by default; set
// DATABASE_URL to a scratch PostgreSQL database to measure that instead.
import { SYSTEM } from "@/lib/server/auth/actor";
import { closeDatabase } from "@/lib/server/infra/database";
import { db, disconnectDb } from "@/lib/server/infra/db";
import { migrateDatabase } from "@/lib/server/infra/migrate";
import { getAllMatrices, getMatrix } from "@/lib/server/matrix/matrix";
import { exportOsv } from "@/lib/server/osv/export";
import { listBoard } from "@/lib/server/reports/board";
import { getReport } from "@/lib/server/reports/detail";
import { submitReport } from "@/lib/server/reports/intake";
import { listReports } from "@/lib/server/reports/list";
import { seedDemo } from "@/lib/server/seed/demo";
import { getStatusView } from "@/lib/server/status/view";

process.env.DATA_DIR ??= "memory://";
if (!process.env.DATABASE_URL && process.env.DATA_DIR !== "memory://") {
  console.error("Refusing to benchmark a persistent embedded database: unset DATA_DIR.");
  process.exit(2);
}

const REPORTS = Number(process.env.BENCH_REPORTS ?? 2000);

async function time<T>(
  runs: number,
  fn: (i: number) => Promise<T>,
): Promise<{ p50: number; p95: number; max: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: samples[samples.length - 1]! };
}

const rows: [string, string][] = [];
const ms = (n: number) => `${n.toFixed(1)} ms`;
const report = (name: string, r: { p50: number; p95: number; max: number }) =>
  rows.push([name, `p50 ${ms(r.p50)} · p95 ${ms(r.p95)} · max ${ms(r.max)}`]);

await migrateDatabase();
await seedDemo();

const intakeStart = performance.now();
let token = "";
let key = "";
for (let done = 0; done < REPORTS; done += 10) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(10, REPORTS - done) }, (_, i) =>
      submitReport({
        title: `Synthetic report ${done + i}`,
        body: "Steps to reproduce\n\n".repeat(20),
        reporterEmail: `r${(done + i) % 300}@bench.example`,
        project: (done + i) % 3 ? "express" : "body-parser",
      }),
    ),
  );
  token = batch[0]!.token;
  key = batch[0]!.key;
}
const intakeSeconds = (performance.now() - intakeStart) / 1000;
rows.push([`intake, ${REPORTS} reports, 10 at a time`, `${(REPORTS / intakeSeconds).toFixed(0)} reports/s`]);

// half the synthetic reports get ranges, so the matrix and the cards' line tags have work to do
const synthetic = await db().report.findMany({
  where: { title: { startsWith: "Synthetic" } },
  select: { id: true, projectId: true, project: { select: { packageName: true } } },
});
await db().affectedRange.createMany({
  data: synthetic
    .filter((_, i) => i % 2 === 0)
    .map((r, i) => ({
      reportId: r.id,
      package: r.project!.packageName!,
      ecosystem: "npm",
      events:
        i % 3
          ? [{ introduced: "0" }, { fixed: "4.21.3" }, { introduced: "5.0.0" }, { fixed: "5.1.1" }]
          : [{ introduced: "1.0.0" }],
      position: 0,
    })),
});

report("list reports, first page of 50", await time(50, () => listReports(SYSTEM, { limit: 50 })));
report(
  "list reports, status=NEW,TRIAGE",
  await time(50, () => listReports(SYSTEM, { status: "NEW,TRIAGE", limit: 50 })),
);
report(
  "list reports, text search q=synthetic",
  await time(30, () => listReports(SYSTEM, { q: "synthetic 19", limit: 50 })),
);
report(
  "list reports, sla=breached (computed)",
  await time(20, () => listReports(SYSTEM, { sla: "breached", limit: 50 })),
);
report("get one report with timeline", await time(100, () => getReport(SYSTEM, key)));
report("reporter status view by token", await time(100, () => getStatusView(token)));
report("board data (7 columns, up to 100 cards each)", await time(10, () => listBoard(SYSTEM)));
report("board, sla=breached (computed)", await time(10, () => listBoard(SYSTEM, { sla: "breached" })));
report("matrix, one project (open reports × lines)", await time(10, () => getMatrix(SYSTEM, "express")));
report("matrix, all projects", await time(10, () => getAllMatrices(SYSTEM)));
report("OSV export of one report", await time(50, () => exportOsv(SYSTEM, key)));

console.log(
  `\nEmbargo benchmark — ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite (in memory)"}, ${REPORTS + 30} reports\n`,
);
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);

await disconnectDb();
await closeDatabase();
process.exit(0);
