// `npm run bench:mail`: mails per second through IMAP and through HTTP, and
// the server's peak memory (RSS) while it takes a 25 MB mail over HTTP. Runs
// the real server (`scripts/serve.ts`, built when needed) on a throw-away
// embedded database, with a throw-away Dovecot as its IMAP_URL (root and
// Debian's dovecot-imapd needed: scripts/ensure-dovecot.sh). Prints figures,
// asserts nothing. BENCH_MAILS (default 200) sets how many mails each way.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { startDovecot } from "../tests/helpers/dovecot";

const MAILS = Number(process.env.BENCH_MAILS ?? 200);
const SECRET = "bench-inbound-secret-0123456789";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

let n = 0;
function mail(label: string, body = "Sending a long header crashes the worker: start it, send it, watch it exit.\r\n") {
  n++;
  return Buffer.from(
    [
      `From: Reporter ${n} <r${n}@bench.example>`,
      "To: security@example.org",
      `Subject: ${label} ${n}`,
      `Message-ID: <bench-${n}-${Date.now()}@bench.example>`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      body,
    ].join("\r\n"),
  );
}

/** A mail just under the 25 MiB cap: a short text and a base64 attachment. */
function bigMail(): Buffer {
  const head = [
    "From: Big Sender <big@bench.example>",
    "To: security@example.org",
    "Subject: A 25 MB proof of concept",
    `Message-ID: <bench-big-${Date.now()}@bench.example>`,
    'Content-Type: multipart/mixed; boundary="b"',
    "",
    "--b",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "The capture that crashes the parser is attached.",
    "--b",
    'Content-Type: application/octet-stream; name="capture.pcap"',
    "Content-Transfer-Encoding: base64",
    'Content-Disposition: attachment; filename="capture.pcap"',
    "",
  ].join("\r\n");
  const budget = 25 * 1024 * 1024 - head.length - 200;
  const bytes = Buffer.alloc(Math.floor((budget / 78) * 76 * 0.75));
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
  const b64 = bytes.toString("base64").replace(/.{76}/g, "$&\r\n");
  return Buffer.from(`${head}\r\n${b64}\r\n--b--\r\n`);
}

const rssKb = (pid: number, field: "VmRSS" | "VmHWM") =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);

const dovecot = await startDovecot();
const dataDir = mkdtempSync(path.join(tmpdir(), "embargo-bench-mail-"));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env };
delete env.DATABASE_URL; // always the embedded database: a throw-away folder
const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
  env: {
    ...env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
    INBOUND_EMAIL_SECRET: SECRET,
    IMAP_URL: dovecot.url,
    WORKERS: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const cleanup = async () => {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await dovecot.dispose();
  rmSync(dataDir, { recursive: true, force: true });
};

try {
  const end = Date.now() + 20 * 60_000;
  while (
    !(await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (Date.now() > end || server.exitCode !== null) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  const rows: [string, string][] = [];
  const post = async (raw: Buffer) => {
    const res = await fetch(`${base}/api/v1/inbound/email`, {
      method: "POST",
      headers: { authorization: `Bearer ${SECRET}`, "content-type": "message/rfc822" },
      body: new Uint8Array(raw),
    });
    if (res.status !== 202) throw new Error(`HTTP intake answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  // warm up: the first requests compile and open everything
  for (let i = 0; i < 5; i++) await post(mail("Warm-up"));

  for (const concurrency of [1, 4]) {
    const mails = Array.from({ length: MAILS }, () => mail(`HTTP x${concurrency}`));
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        for (let i = w; i < mails.length; i += concurrency) await post(mails[i]!);
      }),
    );
    const s = (performance.now() - start) / 1000;
    rows.push([`HTTP, ${MAILS} mails, ${concurrency} at a time`, `${(MAILS / s).toFixed(1)} mails/s`]);
  }

  // IMAP: stage the mails in another folder, then move them all into the inbox at once and time until the reader
  // has moved every one to the done mailbox (stored, parsed, a report each)
  const client = await dovecot.client();
  await client.mailboxCreate("Staging").catch(() => {});
  for (let i = 0; i < MAILS; i++) await client.append("Staging", mail("IMAP"));
  const doneBefore = await dovecot.count("Embargo");
  await client.mailboxOpen("Staging");
  const start = performance.now();
  await client.messageMove("1:*", "INBOX");
  await client.logout();
  while ((await dovecot.count("Embargo")) < doneBefore + MAILS) await new Promise((r) => setTimeout(r, 100));
  const s = (performance.now() - start) / 1000;
  rows.push([`IMAP, ${MAILS} mails (one mailbox, read in order)`, `${(MAILS / s).toFixed(1)} mails/s`]);

  // memory: the server's resident size, sampled every 10 ms while it takes a 25 MB mail over HTTP
  const big = bigMail();
  const pid = server.pid!;
  const before = rssKb(pid, "VmRSS");
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid, "VmRSS"))), 10);
  const t0 = performance.now();
  await post(big);
  const took = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
  clearInterval(sampler);
  const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
  rows.push([
    `RSS taking a ${(big.length / 1024 / 1024).toFixed(1)} MiB mail over HTTP`,
    `before ${mb(before)} · peak ${mb(peak)} (+${mb(peak - before)}) · answered in ${(took / 1000).toFixed(1)} s`,
  ]);
  rows.push(["server's peak RSS since start (VmHWM)", mb(rssKb(pid, "VmHWM"))]);

  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nMail intake on this machine (embedded database, ${MAILS} mails each way)`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
} finally {
  await cleanup();
}
process.exit(0);
