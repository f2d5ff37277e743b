// Starts one app server for the end-to-end tests on a database of its own
// (with --short-sessions: an idle timeout of 6 s and a lifetime of 18 s, and
// an ADMIN_EMAIL admin):
// a new embedded folder, or a new database on the PostgreSQL server named by
// DATABASE_URL. With --seed it loads the demo data and writes API tokens for
// the demo users to e2e/.state/<name>.json before serving, and catches the
// mail it sends in a real SMTP peer that writes each message, as a JSON line
// {to, subject, text, messageId}, to e2e/.state/<name>-mail.jsonl (e2e/mail.ts reads it).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { startSmtp } from "../tests/helpers/smtp";

const [name = "main", port = "3100"] = process.argv.slice(2);
const seed = process.argv.includes("--seed");
// sessions that end within seconds, for the idle-timeout and lifetime specs (e2e/short/)
const shortSessions = process.argv.includes("--short-sessions");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  // a key of this run's own: its database is thrown away with it
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  APP_URL: `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  INBOUND_EMAIL_SECRET: "e2e-inbound-secret-0123456789",
  INBOUND_ADDRESS: "security@example.org",
  // the main server serves many specs from one address; the fresh one tests the limit itself
  INTAKE_RATE_LIMIT: seed ? "1000" : "5",
  // outbox delivery (to the SMTP peer below) but no SLA alerts, which would change the demo reports mid-run
  WORKERS: seed ? "outbox" : "false",
  ...(shortSessions
    ? {
        SESSION_IDLE_MINUTES: "0.1",
        SESSION_MAX_HOURS: "0.005",
        ADMIN_EMAIL: "short@example.com",
        ADMIN_PASSWORD: "embargo-demo-password",
      }
    : {}),
};
mkdirSync("e2e/.state", { recursive: true });
if (seed) {
  const mailLog = `e2e/.state/${name}-mail.jsonl`;
  writeFileSync(mailLog, "");
  const smtp = await startSmtp((mail) => {
    const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ""));
    const line = { to, subject: mail.subject ?? "", text: mail.text ?? "", messageId: mail.messageId };
    appendFileSync(mailLog, `${JSON.stringify(line)}\n`);
  });
  env.SMTP_URL = smtp.url;
}
let dropDatabase: (() => Promise<void>) | undefined;

if (process.env.DATABASE_URL) {
  const dbName = `embargo_e2e_${name}_${randomBytes(4).toString("hex")}`;
  const adminUrl = new URL(process.env.DATABASE_URL);
  adminUrl.pathname = "/postgres";
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await run(`CREATE DATABASE ${dbName}`);
  dropDatabase = () => run(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${dbName}`;
  env.DATABASE_URL = url.toString();
} else {
  env.DATA_DIR = mkdtempSync(path.join(tmpdir(), `embargo-e2e-${name}-`));
}

function cli(...args: string[]): string {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/embargo.ts", ...args],
    { env, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`embargo ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout.trim();
}

cli("migrate");
if (seed) {
  cli("seed", "demo");
  const tokens: Record<string, string> = {};
  for (const [who, email] of [
    ["admin", "admin@example.com"],
    ["handler", "hana@example.com"],
    ["viewer", "viewer@example.com"],
  ] as const) {
    tokens[who] = cli("token", "create", "--email", email, "--name", `e2e ${who}`).split("\n").pop()!;
  }
  // accounts of their own for specs that sign out, reset or change a password, so no other spec's session ends
  for (const [email, role] of [
    ["e2e.session@example.com", "viewer"],
    ["e2e.account@example.com", "handler"],
    ["e2e.reset@example.com", "viewer"],
    ["e2e.sessions@example.com", "viewer"],
    ["e2e.throttle@example.com", "viewer"],
  ] as const) {
    cli("user", "create", "--email", email, "--role", role, "--password", "embargo-demo-password");
  }
  writeFileSync(`e2e/.state/${name}.json`, JSON.stringify({ tokens }, null, 2));
}

const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
  env,
  stdio: ["ignore", "pipe", "inherit"],
});
// an empty server prints a one-time setup code in its log: kept for the specs that set it up (e2e/fresh/)
const codeFile = `e2e/.state/${name}-setup-code.txt`;
writeFileSync(codeFile, "");
let pending = "";
child.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  pending += chunk.toString("utf8");
  const lines = pending.split("\n");
  pending = lines.pop() ?? "";
  for (const line of lines) {
    const code = /setup code: ([0-9A-Z-]+)/.exec(line)?.[1];
    if (code) writeFileSync(codeFile, code);
  }
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => {
  void Promise.resolve(dropDatabase?.())
    .catch(() => {})
    .finally(() => process.exit(code ?? 0));
});
