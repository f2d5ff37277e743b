import { describe, expect, it } from "vitest";

import type { ClockView } from "./clock-view";
import { mostUrgentView } from "./clock-view";

const clock = (over: Partial<ClockView> & Pick<ClockView, "clock" | "state">): ClockView => ({
  dueAt: null,
  metAt: null,
  ...over,
});

describe("mostUrgentView", () => {
  it.each<[string, ClockView[], ClockView["clock"] | null]>([
    ["no clocks", [], null],
    ["only met clocks", [clock({ clock: "acknowledge", state: "met", dueAt: "2026-01-01T00:00:00Z" })], null],
    ["an ok clock without a due time is not shown", [clock({ clock: "response", state: "ok" })], null],
    [
      "breached beats an earlier at-risk",
      [
        clock({ clock: "acknowledge", state: "at_risk", dueAt: "2026-01-01T00:00:00Z" }),
        clock({ clock: "fix", state: "breached", dueAt: "2026-06-01T00:00:00Z" }),
      ],
      "fix",
    ],
    [
      "same state: nearest due time",
      [
        clock({ clock: "update", state: "ok", dueAt: "2026-02-01T00:00:00Z" }),
        clock({ clock: "fix", state: "ok", dueAt: "2026-01-01T00:00:00Z" }),
      ],
      "fix",
    ],
    [
      "a paused clock shows when nothing runs",
      [
        clock({ clock: "acknowledge", state: "met", dueAt: "2026-01-01T00:00:00Z" }),
        clock({ clock: "fix", state: "paused" }),
      ],
      "fix",
    ],
    [
      "a running clock beats a paused one",
      [
        clock({ clock: "fix", state: "paused" }),
        clock({ clock: "update", state: "ok", dueAt: "2026-01-01T00:00:00Z" }),
      ],
      "update",
    ],
  ])("%s", (_, clocks, expected) => {
    expect(mostUrgentView(clocks)?.clock ?? null).toBe(expected);
  });
});
