import { describe, expect, it } from "vitest";

import { promiseRecord } from "./promise-record";
import type { Clock, ClockName, ClockState } from "./sla";

const at = (h: number) => new Date(Date.UTC(2026, 10, 1) + h * 3_600_000);
const clock = (name: ClockName, state: ClockState, dueH: number | null, metH: number | null): Clock => ({
  clock: name,
  startedAt: at(0),
  dueAt: dueH === null ? null : at(dueH),
  metAt: metH === null ? null : at(metH),
  state,
});
const times = <T>(n: number, make: () => T) => Array.from({ length: n }, make);

describe("promiseRecord", () => {
  it("counts met in time as kept, met late and past due as broken, and running clocks not at all", () => {
    const reports = [
      ...times(8, () => [clock("acknowledge", "met", 48, 10)]),
      [clock("acknowledge", "met", 48, 50)], // late
      [clock("acknowledge", "breached", 48, null)], // past due, unanswered
      [clock("acknowledge", "ok", 48, null)], // still running: unknown
      [clock("acknowledge", "at_risk", 48, null)],
    ];
    expect(promiseRecord(reports)[0]).toEqual({ clock: "acknowledge", counted: 10, met: 8, pctMet: 80 });
  });

  it("shows no percentage under ten decided reports", () => {
    const reports = times(9, () => [clock("response", "met", 96, 20)]);
    expect(promiseRecord(reports)[1]).toEqual({ clock: "response", counted: 9, met: 9, pctMet: null });
  });

  it("leaves out the keep-informed clock, and a fix clock that never started", () => {
    const reports = times(12, () => [clock("update", "met", null, 5), clock("fix", "ok", null, null)]);
    expect(promiseRecord(reports).map((t) => t.clock)).toEqual(["acknowledge", "response", "fix"]);
    expect(promiseRecord(reports)[2]).toEqual({ clock: "fix", counted: 0, met: 0, pctMet: null });
  });
});
