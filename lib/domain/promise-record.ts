import type { Clock, ClockName } from "./sla";
import { metInTime } from "./sla";

// The public promise record: how often the team kept each promise of its
// policy, counted over the reports whose outcome for that promise is known.

/** The promises with a single outcome per report (the keep-informed clock restarts with each message). */
export const RECORD_CLOCKS = ["acknowledge", "response", "fix"] as const satisfies readonly ClockName[];
export type RecordClock = (typeof RECORD_CLOCKS)[number];

/** Below this many decided reports a percentage says more about chance than about the team: it is not shown. */
export const RECORD_MIN_REPORTS = 10;

export type PromiseTally = { clock: RecordClock; counted: number; met: number; pctMet: number | null };

/** Kept (met in time), broken (met late, or past due and still running), or not yet known. */
export function outcome(clock: Clock): boolean | null {
  if (clock.state === "breached") return false;
  return metInTime(clock);
}

/** Each recorded clock's tally over the clocks of many reports; pctMet is null under RECORD_MIN_REPORTS. */
export function promiseRecord(reports: Clock[][]): PromiseTally[] {
  return RECORD_CLOCKS.map((name) => {
    const outcomes = reports
      .map((clocks) => clocks.find((c) => c.clock === name))
      .flatMap((c) => (c ? [outcome(c)] : []))
      .filter((o): o is boolean => o !== null);
    const met = outcomes.filter(Boolean).length;
    const counted = outcomes.length;
    return {
      clock: name,
      counted,
      met,
      pctMet: counted >= RECORD_MIN_REPORTS ? Math.round((met / counted) * 100) : null,
    };
  });
}
