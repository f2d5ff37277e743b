import "server-only";

import { EventEmitter } from "node:events";

// Live board updates. A change is published after its transaction commits;
// open boards listen through server-sent events (app/api/v1/events).

export type ReportChange = { key: string; version?: number };

const store = globalThis as unknown as { __embargoLive?: EventEmitter };

export function liveBus(): EventEmitter {
  if (!store.__embargoLive) {
    store.__embargoLive = new EventEmitter();
    store.__embargoLive.setMaxListeners(0);
  }
  return store.__embargoLive;
}

export function publishReportChange(change: ReportChange): void {
  liveBus().emit("report", change);
}
