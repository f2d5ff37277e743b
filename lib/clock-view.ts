import type { ClockName, ClockState } from "./domain/sla";

// The serialised clock (API shape) and which one a card shows.
export type ClockView = {
  clock: ClockName;
  state: ClockState;
  startedAt?: string | null;
  dueAt: string | null;
  metAt: string | null;
};

const URGENCY: Record<ClockState, number> = { breached: 0, at_risk: 1, ok: 2, paused: 3, met: 4 };

export function mostUrgentView(clocks: ClockView[]): ClockView | null {
  const live = clocks.filter((c) => c.state !== "met" && (c.dueAt || c.state === "paused"));
  live.sort(
    (a, b) =>
      URGENCY[a.state] - URGENCY[b.state] ||
      (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity),
  );
  return live[0] ?? null;
}
