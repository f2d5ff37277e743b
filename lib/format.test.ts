import { describe, expect, it } from "vitest";

import { formatInstant, formatRelative, formatSpan, initials } from "./format";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("formatSpan", () => {
  it.each([
    [0, "1 min"],
    [59 * 1000, "1 min"],
    [12 * MIN, "12 min"],
    [5 * HOUR, "5 h"],
    [2 * HOUR + 11 * MIN, "2 h 11 min"],
    [11 * HOUR + 30 * MIN, "11 h"],
    [47 * HOUR + 59 * MIN, "1 d 23 h"],
    [48 * HOUR, "2 d"],
    [52 * HOUR, "2 d 4 h"],
    [-3 * HOUR, "3 h"],
  ])("%i ms → %s", (ms, text) => expect(formatSpan(ms)).toBe(text));
});

describe("formatRelative and formatInstant", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  it("says ago, in and just now", () => {
    expect(formatRelative(new Date(now.getTime() - 3 * HOUR), now)).toBe("3 h ago");
    expect(formatRelative(new Date(now.getTime() + 50 * HOUR), now)).toBe("in 2 d 2 h");
    expect(formatRelative(now, now)).toBe("just now");
  });
  it("prints UTC instants and other zones", () => {
    expect(formatInstant("2026-11-24T14:02:00Z")).toBe("24 Nov 2026, 14:02 UTC");
    expect(formatInstant("2026-11-24T14:02:00Z", "Europe/Berlin")).toBe("24 Nov 2026, 15:02 Europe/Berlin");
  });
  it("makes initials", () => {
    expect(initials("Hana Okafor")).toBe("HO");
    expect(initials("ada")).toBe("AD");
    expect(initials("Jean Claude van Damme")).toBe("JD");
  });
});
