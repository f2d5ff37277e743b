import "server-only";

import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

// PGlite takes no lock of its own and two processes writing one folder
// corrupt it, so the process that opens the embedded database first writes
// its pid here; any other process is refused with a clear message. A pid
// lock (rather than a heartbeat lock) needs no timer and cannot be declared
// stale while a long migration keeps the event loop busy.

export class DataDirLockedError extends Error {
  constructor(dir: string, holder: LockHolder) {
    super(
      `The embedded database in ${dir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}).\n` +
        `Only one process may open it at a time: stop that process first, run the command through the ` +
        `running server, or point DATABASE_URL at a PostgreSQL server to run several processes.`,
    );
    this.name = "DataDirLockedError";
  }
}

type LockHolder = { pid: number; host: string; command: string; since: string };

const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDir(dir: string): void {
  const lockPath = path.join(path.resolve(dir), "embargo.lock");
  if (held.has(lockPath)) return;
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      const holder: LockHolder = {
        pid: process.pid,
        host: hostname(),
        command: process.argv.slice(1).map((a) => path.basename(a)).join(" ") || "node",
        since: new Date().toISOString(),
      };
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      held.add(lockPath);
      process.once("exit", () => releaseDataDir(dir));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: LockHolder | undefined;
    try {
      holder = JSON.parse(readFileSync(lockPath, "utf8")) as LockHolder;
    } catch {
      holder = undefined; // half-written by a process that died: stale
    }
    if (holder && holder.pid === process.pid && holder.host === hostname()) {
      held.add(lockPath);
      return;
    }
    if (holder && (holder.host !== hostname() || alive(holder.pid))) {
      throw new DataDirLockedError(dir, holder);
    }
    try {
      unlinkSync(lockPath);
    } catch {
      // another process removed the stale lock first; try again
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

export function releaseDataDir(dir: string): void {
  const lockPath = path.join(path.resolve(dir), "embargo.lock");
  if (!held.delete(lockPath)) return;
  try {
    unlinkSync(lockPath);
  } catch {
    // already gone
  }
}
