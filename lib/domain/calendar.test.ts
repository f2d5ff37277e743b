import { describe, expect, it } from "vitest";

import { makeSlaReport } from "@/tests/helpers/factories";

import type { SlaCalendar } from "./calendar";
import { addHours, countableBetween, isTimeZone, localDate, startOfDay } from "./calendar";
import { DEFAULT_POLICY, computeClocks, pauseSeconds } from "./sla";

const berlin: SlaCalendar = { mode: "BUSINESS", timeZone: "Europe/Berlin", holidays: [] };
const utcBusiness: SlaCalendar = { mode: "BUSINESS", timeZone: "UTC", holidays: [] };
const at = (iso: string) => new Date(iso);

describe("local days", () => {
  it.each([
    ["2026-10-24", "Europe/Berlin", "2026-10-23T22:00:00.000Z"], // summer time, UTC+2
    ["2026-10-26", "Europe/Berlin", "2026-10-25T23:00:00.000Z"], // winter time, UTC+1
    ["2026-03-30", "Europe/Berlin", "2026-03-29T22:00:00.000Z"], // the day after the spring change
    ["2026-11-24", "America/New_York", "2026-11-24T05:00:00.000Z"],
    ["2026-11-24", "UTC", "2026-11-24T00:00:00.000Z"],
  ])("%s begins in %s at %s", (date, zone, iso) => {
    expect(new Date(startOfDay(date, zone)).toISOString()).toBe(iso);
    expect(localDate(new Date(startOfDay(date, zone)), zone)).toBe(date);
  });

  it("knows time zones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("adding hours", () => {
  it.each<[string, string, number, SlaCalendar, string]>([
    [
      "calendar hours ignore weekends and DST",
      "2026-10-23T10:00:00Z",
      48,
      { mode: "CALENDAR", timeZone: "Europe/Berlin", holidays: [] },
      "2026-10-25T10:00:00.000Z",
    ],
    ["business hours within the week", "2026-11-24T12:00:00Z", 48, utcBusiness, "2026-11-26T12:00:00.000Z"],
    ["business hours skip a weekend", "2026-11-27T15:00:00Z", 48, utcBusiness, "2026-12-01T15:00:00.000Z"],
    [
      "a report on Saturday starts counting on Monday",
      "2026-11-28T09:00:00Z",
      48,
      utcBusiness,
      "2026-12-02T00:00:00.000Z",
    ],
    [
      "holidays do not count",
      "2026-12-23T12:00:00Z",
      48,
      { mode: "BUSINESS", timeZone: "UTC", holidays: ["2026-12-24", "2026-12-25"] },
      "2026-12-29T12:00:00.000Z",
    ],
    // Friday 12:00 Berlin (UTC+2) + 48 business hours across the 25-hour Sunday of the autumn change → Tuesday 12:00 Berlin (UTC+1)
    [
      "business days follow the zone across the autumn DST change",
      "2026-10-23T10:00:00Z",
      48,
      berlin,
      "2026-10-27T11:00:00.000Z",
    ],
    // Friday 12:00 Berlin (UTC+1) across the 23-hour Sunday of the spring change → Tuesday 12:00 Berlin (UTC+2)
    ["and across the spring DST change", "2026-03-27T11:00:00Z", 48, berlin, "2026-03-31T10:00:00.000Z"],
    ["7 business days for a critical fix", "2026-11-24T12:00:00Z", 7 * 24, utcBusiness, "2026-12-03T12:00:00.000Z"],
  ])("%s", (_name, start, hours, cal, due) => {
    expect(addHours(at(start), hours, cal).toISOString()).toBe(due);
    expect(countableBetween(at(start), at(due), cal)).toBe(hours * 3_600_000);
  });
});

describe("clocks in business mode", () => {
  const policy = { ...DEFAULT_POLICY, calendar: utcBusiness };
  const report = makeSlaReport({ receivedAt: at("2026-11-27T15:00:00Z") }); // Friday afternoon

  it("stays ok over the weekend and is at risk only in the last quarter of business time", () => {
    const ack = (now: string) => computeClocks(report, policy, at(now))[0]!;
    expect(ack(report.receivedAt.toISOString()).dueAt?.toISOString()).toBe("2026-12-01T15:00:00.000Z");
    expect(ack("2026-11-29T23:00:00Z").state).toBe("ok"); // Sunday night: 9 of 48 hours used
    expect(ack("2026-12-01T04:00:00Z").state).toBe("at_risk"); // 11 hours left
    expect(ack("2026-12-01T16:00:00Z").state).toBe("breached");
  });

  it("moves the fix clock by the business time a wait on the reporter took, not the weekend around it", () => {
    // waiting from Friday 12:00 to Monday 12:00: 12 business hours on Friday and 12 on Monday
    const paused = pauseSeconds(at("2026-11-27T12:00:00Z"), at("2026-11-30T12:00:00Z"), policy);
    expect(paused).toBe(24 * 3600);
    expect(pauseSeconds(at("2026-11-27T12:00:00Z"), at("2026-11-30T12:00:00Z"), DEFAULT_POLICY)).toBe(72 * 3600);
    const confirmed = makeSlaReport({
      status: "FIXING",
      severity: "CRITICAL",
      receivedAt: at("2026-11-23T09:00:00Z"),
      acknowledgedAt: at("2026-11-23T10:00:00Z"),
      confirmedAt: at("2026-11-24T12:00:00Z"),
      pausedSeconds: paused,
    });
    // 7 business days from Tuesday noon end on Thursday 3 December; the day of waiting moves that to Friday
    expect(computeClocks(confirmed, policy, at("2026-12-01T12:00:00Z"))[3]!.dueAt?.toISOString()).toBe(
      "2026-12-04T12:00:00.000Z",
    );
  });
});
