import type { ClockName, ClockState } from "./domain/sla";
import { mostUrgent } from "./domain/sla";

// The serialised clock (API shape) and which one a card shows; the ordering
// itself is lib/domain/sla.ts's, shared with the server's board.
export type ClockView = {
  clock: ClockName;
  state: ClockState;
  startedAt?: string | null;
  dueAt: string | null;
  metAt: string | null;
};

export function mostUrgentView(clocks: ClockView[]): ClockView | null {
  return mostUrgent(clocks);
}
