// Runs once when the server starts. On the embedded database it opens (and
// so locks) the data folder at once, so a CLI command started while the
// server is idle is refused instead of corrupting it; then it starts the
// background workers (outbox delivery, SLA alerts, inbound retry, the IMAP
// reader when IMAP_URL is set).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // only in the server started by scripts/serve.ts: never during `next build`
  if (process.env.EMBARGO_SERVER !== "1") return;
  const { openDatabase } = await import("@/lib/server/infra/database");
  openDatabase();
  const { startWorkers } = await import("@/lib/server/infra/workers");
  startWorkers();
}
