// Everything `npm start` does before Next serves: settle the environment,
// migrate and bootstrap in a child process (which needs the react-server
// condition for lib/server), and build when the sources changed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { KeySource } from "@/lib/crypto/keyfile";
import { loadKeySource } from "@/lib/crypto/keyfile";

const root = process.cwd();

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * Session secret: NEXTAUTH_SECRET, else the one kept in the key file (made here on first start, outside
 * DATA_DIR) or derived from ENCRYPTION_KEY. A secret inside the data folder would let anyone holding a copy
 * of it forge a session, so the one older versions generated there is deleted.
 */
function settleEnv(): { port: number; hostname: string } {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`PORT must be a port number, not "${process.env.PORT}".`);
  let source: KeySource;
  try {
    const { ENCRYPTION_KEY, KEY_FILE, DATA_DIR } = process.env;
    source = loadKeySource({ ENCRYPTION_KEY, KEY_FILE, DATA_DIR });
  } catch (e) {
    fail((e as Error).message);
  }
  if (source.file) console.log(`Encryption keys: ${source.file} (back it up apart from the data).`);
  const dataDir = process.env.DATA_DIR ?? "./.data";
  const oldSecret = path.join(path.resolve(dataDir), "auth-secret");
  if (dataDir !== "memory://" && existsSync(oldSecret)) {
    rmSync(oldSecret);
    console.warn(
      `Deleted ${oldSecret}: the session secret no longer lives in the data folder (everyone signs in again).`,
    );
  }
  if (!process.env.NEXTAUTH_SECRET) {
    process.env.NEXTAUTH_SECRET = source.sessionSecret;
    if (process.env.DATABASE_URL && source.file) {
      console.warn(
        "NEXTAUTH_SECRET and ENCRYPTION_KEY are not set: using the key file's. Several instances sharing the database need the same ENCRYPTION_KEY and NEXTAUTH_SECRET.",
      );
    }
  }
  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_URL ??= process.env.APP_URL;
  return { port, hostname: process.env.HOST ?? "0.0.0.0" };
}

export function runCli(args: string[]): void {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/embargo.ts", ...args],
    {
      stdio: "inherit",
      env: process.env,
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "instrumentation.ts",
  "proxy.ts",
];

function sourceStamp(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    } else {
      hash.update(path.relative(root, p)).update(readFileSync(p));
    }
  };
  for (const input of BUILD_INPUTS) visit(path.join(root, input));
  return hash.digest("hex");
}

/** Runs `next build` when no build exists or any input changed since the last one. */
export function buildIfNeeded(): void {
  const stampFile = path.join(root, ".next", "embargo-build-stamp");
  const stamp = sourceStamp();
  if (
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === stamp
  )
    return;
  console.log("Building the app (first start or changed sources)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", EMBARGO_BUILD: "1" },
  });
  if (result.status !== 0) fail("The build failed.");
  writeFileSync(stampFile, stamp);
}

export async function prepare(opts: { build: boolean }): Promise<{ port: number; hostname: string }> {
  const where = settleEnv();
  runCli(["migrate", "--bootstrap"]);
  if (opts.build) buildIfNeeded();
  return where;
}
