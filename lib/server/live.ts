import "server-only";

import { EventEmitter } from "node:events";

import pg from "pg";

import { env } from "@/lib/env";

// Live board updates. A change is published after its transaction commits.
// On the embedded database (one process) an in-process emitter carries it;
// on PostgreSQL it goes through NOTIFY, and every instance LISTENs and
// re-emits, so a change on one instance reaches boards open on all of them.

export type ReportChange = { key: string; version?: number };

const CHANNEL = "embargo_reports";

type Live = { bus: EventEmitter; listener?: Promise<pg.Client | null>; notifier?: pg.Pool };
const store = globalThis as unknown as { __embargoLive?: Live };

function live(): Live {
  if (!store.__embargoLive) {
    const bus = new EventEmitter();
    bus.setMaxListeners(0);
    store.__embargoLive = { bus };
  }
  return store.__embargoLive;
}

function listen(url: string): Promise<pg.Client | null> {
  const state = live();
  state.listener ??= (async () => {
    const client = new pg.Client({ connectionString: url });
    client.on("notification", (msg) => {
      try {
        state.bus.emit("report", JSON.parse(msg.payload ?? "{}") as ReportChange);
      } catch {
        // not ours
      }
    });
    client.on("error", (error) => {
      console.error("live updates: listener lost its connection:", error.message);
      state.listener = undefined; // the next subscriber reconnects
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    return client;
  })().catch((error: Error) => {
    console.error("live updates: cannot LISTEN:", error.message);
    state.listener = undefined;
    return null;
  });
  return state.listener;
}

export function publishReportChange(change: ReportChange): void {
  const url = env().DATABASE_URL;
  if (!url) {
    live().bus.emit("report", change);
    return;
  }
  const state = live();
  if (!state.notifier) {
    state.notifier = new pg.Pool({ connectionString: url, max: 2 });
    // an idle connection dropped by the server must not crash the process
    state.notifier.on("error", (error) => console.error("live updates: notifier connection lost:", error.message));
  }
  state.notifier.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(change)]).catch((error: Error) => {
    console.error("live updates: NOTIFY failed:", error.message);
    live().bus.emit("report", change); // at least this instance's boards
  });
}

/** Calls `onChange` for every published change until the returned function is called. */
export async function subscribe(onChange: (change: ReportChange) => void): Promise<() => void> {
  const url = env().DATABASE_URL;
  if (url) await listen(url);
  live().bus.on("report", onChange);
  return () => live().bus.off("report", onChange);
}

/** Closes the LISTEN connection and the NOTIFY pool (tests and shutdown). */
export async function closeLive(): Promise<void> {
  const state = store.__embargoLive;
  if (!state) return;
  const listener = await state.listener?.catch(() => null);
  state.listener = undefined;
  await listener?.end().catch(() => {});
  await state.notifier?.end().catch(() => {});
  state.notifier = undefined;
}
