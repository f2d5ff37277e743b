// Serves the app: one process that owns the embedded database, applies
// pending migrations, bootstraps the first admin, builds when the sources
// changed, then serves Next.js from this same process (a custom server, so
// the client's socket address can be handed to rate limits safely).
import { createServer } from "node:http";

import next from "next";

import { prepare } from "./prepare";

const dev = process.argv.includes("--dev");
const { port, hostname } = await prepare({ build: !dev });

process.env.EMBARGO_SERVER = "1";
const app = next({ dev, port, hostname, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers["x-embargo-client-ip"] = req.socket.remoteAddress ?? "unknown";
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`Embargo is ready on http://localhost:${port}`);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    // give the mailbox up (another instance may read it at once), then close the embedded database cleanly
    // (lib/server/mail/imap.ts and lib/server/infra/database.ts keep them on globalThis)
    const shared = globalThis as {
      __embargoImap?: { stop(): Promise<void> };
      __embargoDatabase?: { close(): Promise<void> };
    };
    void Promise.resolve(shared.__embargoImap?.stop())
      .catch(() => {})
      .then(() => shared.__embargoDatabase?.close())
      .catch(() => {})
      .finally(() => process.exit(0));
  });
}
