import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { GET as backupRoute } from "@/app/api/v1/admin/backup/route";
import { backupArchive } from "@/lib/server/infra/backup";
import { createApiToken } from "@/lib/server/users/api-tokens";
import { createActors } from "@/tests/helpers/actors";
import { makeReport } from "@/tests/helpers/reports";

// Issue 15 §7: a backup of the embedded database taken while the app writes, restored into a new folder with
// `npm run embargo -- restore`, and an app started on that folder reads every report. The file itself is sealed
// with the instance key: it shows no report body.

// read by env() when the keys are first loaded (after this module loads): a key file the child processes share
const keyFile = path.join(mkdtempSync(path.join(tmpdir(), "embargo-backup-keys-")), "embargo.key");
process.env.KEY_FILE = keyFile;

// decided before any test runs, so not through env() (the setup file sets DATA_DIR in its beforeAll)
const embedded = !process.env.DATABASE_URL;

let actors: Awaited<ReturnType<typeof createActors>>;
const call = (auth: string | null) =>
  backupRoute(
    new Request("http://localhost:3000/api/v1/admin/backup", { headers: auth ? { authorization: auth } : {} }),
    {
      params: Promise.resolve({}),
    },
  );
const bearerOf = async (email: string) =>
  `Bearer ${(await createApiToken(actors.admin, { email, name: "backup script" })).token}`;

/** the children use the embedded database in the folder they are given */
function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = process.env;
  return rest;
}

const cli = (args: string[], env: Record<string, string>) =>
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], {
    env: { ...withoutDatabaseUrl(), NEXT_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });

beforeAll(async () => {
  actors = await createActors();
});

describe.runIf(embedded)("backup of the embedded database", () => {
  it("is taken while reports are written, restores into a new folder, and an app started there reads them", async () => {
    const before = new Map<string, string>();
    for (let i = 0; i < 5; i++) {
      const body = `Before the backup ${i}: zqbackup${i}marker is the word.`;
      before.set((await makeReport({ title: `Backed up ${i}`, body })).key, body);
    }
    // writes keep going while the backup is taken: the backup is consistent whatever they were doing
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) await makeReport({ title: `During ${i}`, body: `Written during the backup ${i}.` });
    })();
    const res = await call(await bearerOf(actors.admin.user.email));
    writing = false;
    await writer;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="embargo-backup-.*\.embargo"/);
    const file = Buffer.from(await res.arrayBuffer());
    expect(file.subarray(0, 17).toString()).toBe("EMBARGO-BACKUP-1\n");
    // sealed: neither the bodies nor the database's own text is readable in the file
    expect(file.includes("zqbackup0marker")).toBe(false);
    expect(file.includes("Backed up 0")).toBe(false);

    const dir = mkdtempSync(path.join(tmpdir(), "embargo-restore-"));
    const backupFile = path.join(dir, "backup.embargo");
    writeFileSync(backupFile, file);
    const dataDir = path.join(dir, "restored");
    const out = cli(["scripts/embargo.ts", "restore", backupFile, "--data-dir", dataDir], { DATA_DIR: dataDir });
    expect(out).toMatch(/Restored \d+ report\(s\)/);
    expect(existsSync(path.join(dataDir, "pgdata"))).toBe(true);

    // start on it, as the app does (migrations, the start-up pass), and read every report through the app's code
    const read = JSON.parse(cli(["tests/helpers/read-restored.ts"], { DATA_DIR: dataDir }).trim().split("\n").at(-1)!);
    for (const [key, body] of before) expect(read[key]).toBe(body);

    // into a folder that is not empty: refused, nothing changed
    expect(() =>
      cli(["scripts/embargo.ts", "restore", backupFile, "--data-dir", dataDir], { DATA_DIR: dataDir }),
    ).toThrow(/not empty/);
    // the file of a backup is the archive: a damaged one is refused
    const damaged = Buffer.from(file);
    damaged[damaged.length - 1]! ^= 1;
    writeFileSync(backupFile, damaged);
    expect(() =>
      cli(["scripts/embargo.ts", "restore", backupFile, "--data-dir", path.join(dir, "other")], {
        DATA_DIR: path.join(dir, "other"),
      }),
    ).toThrow(/does not open/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, "utf8")).toContain("embargo-keys/1");
  }, 300_000);
});

describe("who may take a backup", () => {
  it("admins only", async () => {
    expect((await call("Bearer emb_not-a-token")).status).toBe(401);
    expect((await call(await bearerOf(actors.handler.user.email))).status).toBe(403);
    expect((await call(await bearerOf(actors.viewer.user.email))).status).toBe(403);
  });

  it.runIf(!embedded)("on PostgreSQL answers 409 and points to pg_dump", async () => {
    const res = await call(await bearerOf(actors.admin.user.email));
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/pg_dump/);
    await expect(backupArchive(actors.admin)).rejects.toThrow(/pg_dump/);
  });
});
