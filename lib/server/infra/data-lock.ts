import "server-only";

import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
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
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command:
      process.argv
        .slice(1)
        .map((a) => path.basename(a))
        .join(" ") || "node",
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    // write the holder in full first, then link it into place: the lock file
    // appears atomically and complete, and linking fails if it exists
    const tmp = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(tmp, JSON.stringify(me), { mode: 0o600 });
    try {
      linkSync(tmp, lockPath);
      held.add(lockPath);
      process.once("exit", () => releaseDataDir(dir));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(tmp);
    }
    let holder: LockHolder | undefined;
    try {
      holder = JSON.parse(readFileSync(lockPath, "utf8")) as LockHolder;
    } catch {
      holder = undefined; // gone meanwhile, or not ours to read: try again
    }
    if (holder && holder.pid === process.pid && holder.host === hostname()) {
      held.add(lockPath);
      return;
    }
    if (!holder || holder.host !== hostname() || alive(holder.pid)) {
      if (holder) throw new DataDirLockedError(dir, holder);
      continue;
    }
    // the holder died: move its lock aside under a unique name, and only drop
    // it if it is still that dead holder's (another process may have won)
    const aside = `${lockPath}.stale.${process.pid}.${randomBytes(4).toString("hex")}`;
    try {
      renameSync(lockPath, aside);
      const moved = JSON.parse(readFileSync(aside, "utf8")) as LockHolder;
      if (moved.pid === holder.pid && moved.since === holder.since) unlinkSync(aside);
      else renameSync(aside, lockPath);
    } catch {
      // someone else cleared it first
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
