import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { DataDirLockedError, lockDataDir, releaseDataDir } from "@/lib/server/infra/data-lock";

describe("the embedded data folder lock", () => {
  it("refuses a second process while the holder lives, and takes over once it is gone", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "embargo-lock-"));
    const holder = spawn("sleep", ["30"]);
    writeFileSync(
      path.join(dir, "embargo.lock"),
      JSON.stringify({ pid: holder.pid, host: hostname(), command: "serve.ts", since: new Date().toISOString() }),
    );

    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by process \d+ \(serve\.ts/);

    holder.kill();
    await new Promise((resolve) => holder.once("exit", resolve));
    lockDataDir(dir);
    expect(JSON.parse(readFileSync(path.join(dir, "embargo.lock"), "utf8")).pid).toBe(process.pid);
    lockDataDir(dir); // re-entrant for the holder
    releaseDataDir(dir);
  });
});
