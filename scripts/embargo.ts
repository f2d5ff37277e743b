// The admin CLI: `npm run embargo -- <command>`. Runs with the react-server
// condition (see package.json) so it can use lib/server directly.
import { chmodSync, constants, copyFileSync, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";

import { EnvelopeError } from "@/lib/crypto/envelope";
import { keyFilePath } from "@/lib/crypto/keyfile";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { ROLES } from "@/lib/permissions";
import { SYSTEM } from "@/lib/server/auth/actor";
import { restoreArchive } from "@/lib/server/infra/backup";
import { DataDirLockedError } from "@/lib/server/infra/data-lock";
import { closeDatabase } from "@/lib/server/infra/database";
import { disconnectDb } from "@/lib/server/infra/db";
import { keyFileInUse } from "@/lib/server/infra/keyring";
import { migrateDatabase } from "@/lib/server/infra/migrate";
import { addKeyOnly, rekeyAll, rotateKeys } from "@/lib/server/infra/rekey";
import { seedDemo } from "@/lib/server/seed/demo";
import { createApiToken } from "@/lib/server/users/api-tokens";
import { setPasswordFromShell } from "@/lib/server/users/password-reset";
import { issueSetupCode } from "@/lib/server/users/setup";
import { bootstrapAdmin, createUser } from "@/lib/server/users/users";

const USAGE = `Usage: npm run embargo -- <command>

  migrate [--bootstrap]                        apply pending migrations (and create
                                               ADMIN_EMAIL's admin when no user exists,
                                               else print a one-time setup code)
  user create --email E --role ${ROLES.map((r) => r.toLowerCase()).join("|")} [--name N] [--password P]
                                               create a user; without --password, asks
                                               (on a terminal) or generates one
  user set-password --email E                  set a user's password, read from stdin (or
                                               asked on a terminal); ends their sessions
  token create --email E --name N [--expires-days D]
                                               create an API token for a user; the
                                               token is printed once, on the last line
  seed demo                                    load the Express-like demo organisation
  keys rotate [--batch N]                      add a new encryption key (key file) and
                                               re-encrypt every value with it, in batches
                                               of N rows (default 200), while the app runs
  restore FILE --data-dir DIR                  restore a backup (GET /api/v1/admin/backup)
                                               into DIR, a new or empty folder; needs the
                                               key it was taken with (ENCRYPTION_KEY, or the
                                               key file, which it copies to DIR.key)`;

class UsageError extends Error {}

function need(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || !value.trim()) throw new UsageError(`Missing --${name}.`);
  return value;
}

async function askPassword(mayGenerate = true): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    const answer = await rl.question(
      mayGenerate
        ? "Password (at least 12 characters; empty to generate one): "
        : "New password (at least 12 characters): ",
    );
    return answer || undefined;
  } finally {
    rl.close();
  }
}

/** A password piped in (`printf %s "$PW" | npm run embargo -- user set-password --email E`): one line. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function run(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return;
  }
  env(); // fail early, and clearly, on a bad environment
  if (command === "migrate") {
    const { values } = parseArgs({
      args: [sub, ...rest].filter((a): a is string => !!a),
      options: { bootstrap: { type: "boolean" } },
    });
    const applied = await migrateDatabase();
    console.log(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "The database is up to date.",
    );
    // plaintext from before encryption, or values left under an older key by an interrupted rotation
    const sealed = await rekeyAll({ maxPasses: 3 });
    if (sealed.sealed || sealed.resealed)
      console.log(`Encrypted ${sealed.sealed} plaintext value(s), moved ${sealed.resealed} to key ${sealed.keyId}.`);
    if (values.bootstrap && (await bootstrapAdmin(env().ADMIN_EMAIL, env().ADMIN_PASSWORD))) {
      console.log(`Created the admin ${env().ADMIN_EMAIL} from ADMIN_EMAIL / ADMIN_PASSWORD.`);
    }
    // while no user exists, a fresh one-time code for /setup, printed in the server's log
    if (values.bootstrap) await issueSetupCode();
    return;
  }
  if (command === "keys" && sub === "rotate") {
    const { values } = parseArgs({ args: rest, options: { batch: { type: "string" } }, strict: true });
    const batch = values.batch ? Number(values.batch) : 200;
    if (!Number.isInteger(batch) || batch < 1) throw new UsageError("--batch must be a whole number above 0.");
    await rotate(batch);
    return;
  }
  if (command === "restore") {
    const { values, positionals } = parseArgs({
      args: [sub ?? "", ...rest].filter(Boolean),
      options: { "data-dir": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError("Name one backup file: restore FILE --data-dir DIR.");
    await restore(positionals[0]!, need(values, "data-dir"));
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      "expires-days": { type: "string" },
    },
    strict: true,
  });
  if (command === "user" && sub === "create") {
    const role = need(values, "role").toUpperCase();
    if (!(ROLES as readonly string[]).includes(role))
      throw new UsageError(`--role must be one of ${ROLES.join(", ").toLowerCase()}.`);
    const email = need(values, "email");
    await migrateDatabase();
    const password = values.password ?? (await askPassword());
    const { user, generatedPassword } = await createUser(SYSTEM, {
      email,
      role: role as (typeof ROLES)[number],
      name: values.name,
      password,
    });
    console.log(`Created ${user.role.toLowerCase()} ${user.email}.`);
    if (generatedPassword) console.log(`Generated password (shown once): ${generatedPassword}`);
    return;
  }
  if (command === "user" && sub === "set-password") {
    const email = need(values, "email");
    if (values.password !== undefined)
      throw new UsageError("Pass the password on stdin or type it when asked, never as an argument.");
    await migrateDatabase();
    const password = process.stdin.isTTY ? await askPassword(false) : await readStdin();
    if (!password) throw new UsageError("No password given.");
    const user = await setPasswordFromShell(email, password);
    console.log(`Set the password of ${user.email}; their sessions have ended.`);
    return;
  }
  if (command === "token" && sub === "create") {
    const email = need(values, "email");
    const name = need(values, "name");
    const days = values["expires-days"] ? Number(values["expires-days"]) : undefined;
    if (days !== undefined && !Number.isInteger(days)) throw new UsageError("--expires-days must be a whole number.");
    await migrateDatabase();
    const { token, row } = await createApiToken(SYSTEM, { email, name, expiresInDays: days });
    console.log(
      `Created the token "${row.name}" for ${row.user.email} (${row.user.role.toLowerCase()}). It is shown once:`,
    );
    console.log(token);
    return;
  }
  if (command === "seed" && sub === "demo") {
    await migrateDatabase();
    const summary = await seedDemo();
    console.log(summary);
    return;
  }
  throw new UsageError(`Unknown command "${[command, sub].filter(Boolean).join(" ")}".`);
}

/** `restore FILE --data-dir DIR`: the backup's database into DIR, and the key to open it beside DIR. */
async function restore(file: string, dataDir: string): Promise<void> {
  const result = await restoreArchive(readFileSync(file), dataDir);
  const keyFile = keyFileInUse();
  const target = keyFilePath({ DATA_DIR: result.dataDir });
  let keyNote = "Start it with the same ENCRYPTION_KEY.";
  const same = (a: string, b: string) => readFileSync(a).equals(readFileSync(b));
  if (keyFile && target && !process.env.KEY_FILE && (!existsSync(target) || same(keyFile, target))) {
    if (!existsSync(target)) copyFileSync(keyFile, target, constants.COPYFILE_EXCL);
    chmodSync(target, 0o600);
    keyNote = `Its key file is ${target} (a copy of ${keyFile}): back it up apart from the data.`;
  } else if (keyFile) {
    keyNote = `Start it with KEY_FILE=${keyFile}.`;
  }
  console.log(
    `Restored ${result.reports} report(s) (${result.bytes} bytes) into ${result.dataDir}. ` +
      `Start the app with DATA_DIR=${result.dataDir}. ${keyNote}`,
  );
}

/** `keys rotate`: here when the database can be opened, else by the server holding the embedded database. */
async function rotate(batch: number): Promise<void> {
  try {
    await migrateDatabase();
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const added = addKeyOnly();
    if (!added) throw new UsageError("With ENCRYPTION_KEY, put the new key first in it and restart the server.");
    console.log(
      `Added key ${added.added} to ${added.file}. A running server holds the embedded database: it takes the new key up within seconds and re-encrypts in the background (its log says when it is done).`,
    );
    return;
  }
  const result = await rotateKeys({
    batch,
    // progress on a terminal only: a log gets the summary below
    onBatch: process.stdout.isTTY
      ? (column, done) => process.stdout.write(`\r${column}: ${done} value(s) re-encrypted   `)
      : undefined,
  });
  if (process.stdout.isTTY) process.stdout.write("\n");
  console.log(
    `${result.added ? `Added key ${result.added} to ${result.file}. ` : `Current key ${result.keyId} (first in ENCRYPTION_KEY). `}` +
      `Re-encrypted ${result.resealed} value(s) and encrypted ${result.sealed} plaintext value(s) in ${result.passes} pass(es).`,
  );
  if (result.left) {
    console.error(`${result.left} value(s) are still under an older key (a writer still uses it): run it again.`);
    process.exitCode = 1;
  } else {
    console.log("Every value is under the current key; the older keys stay in the key file for older backups.");
  }
}

let code = 0;
try {
  await run(process.argv.slice(2));
} catch (error) {
  if (
    error instanceof UsageError ||
    (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS"))
  ) {
    console.error(`${error.message}\n\n${USAGE}`);
    code = 2;
  } else if (error instanceof DomainError) {
    const fields = error.fields
      ? Object.entries(error.fields)
          .map(([k, v]) => `\n  ${k}: ${v}`)
          .join("")
      : "";
    console.error(`Error: ${error.message}${fields}`);
    code = 1;
  } else if (error instanceof EnvelopeError && error.reason === "unknown_key") {
    console.error(
      `Some data is encrypted with key ${error.keyId}, which neither ENCRYPTION_KEY nor the key file holds. Restore the key file (or ENCRYPTION_KEY) from your backup of it; a new key cannot open that data.`,
    );
    code = 1;
  } else if (error instanceof DataDirLockedError) {
    console.error(error.message);
    code = 1;
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    code = 1;
  }
} finally {
  await disconnectDb().catch(() => {});
  await closeDatabase().catch(() => {});
}
// the schema engine keeps a timer alive: exit explicitly
process.exit(code);
