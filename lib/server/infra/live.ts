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

type Live = {
  bus: EventEmitter;
  listener?: Promise<pg.Client | null>;
  notifier?: pg.Pool;
  retry?: ReturnType<typeof setTimeout>;
  failures: number;
};
const store = globalThis as unknown as { __embargoLive?: Live };

function live(): Live {
  if (!store.__embargoLive) {
    const bus = new EventEmitter();
    bus.setMaxListeners(0);
    store.__embargoLive = { bus, failures: 0 };
  }
  return store.__embargoLive;
}

/** Backoff before the next LISTEN attempt: 0.5 s, 1 s, 2 s, … at most 30 s. */
const retryDelay = (failures: number) => Math.min(30_000, 500 * 2 ** Math.max(0, failures - 1));

function listen(url: string): Promise<pg.Client | null> {
  const state = live();
  if (state.listener) return state.listener;
  // a retry is already scheduled: new subscribers wait for it rather than hammer a database that is down
  if (state.retry) return Promise.resolve(null);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  const attempt: Promise<pg.Client | null> = (async () => {
    client.on("notification", (msg) => {
      try {
        state.bus.emit("report", JSON.parse(msg.payload ?? "{}") as ReportChange);
      } catch {
        // not ours
      }
    });
    const lost = (why: string) => {
      if (state.listener !== attempt) return; // closed on purpose, or already replaced
      console.error(`live updates: listener lost its connection (${why}); reconnecting`);
      state.listener = undefined;
      client.end().catch(() => {});
      reconnectLater(url);
    };
    client.on("error", (error) => lost(error.message));
    client.on("end", () => lost("closed"));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    if (state.failures > 0) state.bus.emit("resync"); // changes made while we were away were not heard
    state.failures = 0;
    return client;
  })().catch((error: Error) => {
    client.end().catch(() => {});
    if (state.listener !== attempt) return null; // closed meanwhile (closeLive): stay closed
    console.error("live updates: cannot LISTEN:", error.message);
    state.listener = undefined;
    reconnectLater(url);
    return null;
  });
  state.listener = attempt;
  return attempt;
}

/** Listens again after a pause while anyone is subscribed (a restarted server, a dropped connection). */
function reconnectLater(url: string): void {
  const state = live();
  state.failures++;
  if (state.retry || state.bus.listenerCount("report") === 0) return;
  state.retry = setTimeout(() => {
    state.retry = undefined;
    if (state.bus.listenerCount("report") > 0) void listen(url);
  }, retryDelay(state.failures));
  state.retry.unref?.();
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

/**
 * Calls `onChange` for every published change, and `onResync` when changes may
 * have been missed (the LISTEN connection was lost and is back), until the
 * returned function is called.
 */
export async function subscribe(
  onChange: (change: ReportChange) => void,
  onResync: () => void = () => {},
): Promise<() => void> {
  const url = env().DATABASE_URL;
  const state = live();
  state.bus.on("report", onChange);
  state.bus.on("resync", onResync);
  if (url) await listen(url);
  return () => {
    state.bus.off("report", onChange);
    state.bus.off("resync", onResync);
  };
}

/** Closes the LISTEN connection and the NOTIFY pool (tests and shutdown). */
export async function closeLive(): Promise<void> {
  const state = store.__embargoLive;
  if (!state) return;
  clearTimeout(state.retry);
  state.retry = undefined;
  const pending = state.listener;
  state.listener = undefined; // before end(): a closed listener is not "lost"
  const listener = await pending?.catch(() => null);
  await listener?.end().catch(() => {});
  state.failures = 0;
  await state.notifier?.end().catch(() => {});
  state.notifier = undefined;
}
