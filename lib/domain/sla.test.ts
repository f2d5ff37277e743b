import { describe, expect, it } from "vitest";

import { NOW, hoursAgo, makeSlaReport } from "@/tests/helpers/factories";

import type { ClockName, SlaReport } from "./sla";
import type { UrgencyClock } from "./sla";
import { DEFAULT_POLICY, byMostUrgentClock, computeClocks, mostUrgent } from "./sla";

const clock = (report: SlaReport, name: ClockName) =>
  computeClocks(report, DEFAULT_POLICY, NOW).find((c) => c.clock === name)!;
const DAY = 24;

describe("acknowledge clock (48 h from receipt)", () => {
  it.each([
    { receivedHoursAgo: 1, state: "ok" },
    { receivedHoursAgo: 35, state: "ok" },
    { receivedHoursAgo: 37, state: "at_risk" }, // 11 h of 48 left: under a quarter
    { receivedHoursAgo: 47.9, state: "at_risk" },
    { receivedHoursAgo: 48.1, state: "breached" },
  ])("received $receivedHoursAgo h ago → $state", ({ receivedHoursAgo, state }) => {
    const received = hoursAgo(receivedHoursAgo);
    const c = clock(makeSlaReport({ receivedAt: received }), "acknowledge");
    expect(c.state).toBe(state);
    expect(c.dueAt?.getTime()).toBe(received.getTime() + 48 * 3_600_000);
  });

  it("is met by the acknowledgment, even a late one, and keeps its due time", () => {
    const received = hoursAgo(100);
    const c = clock(
      makeSlaReport({ status: "TRIAGE", receivedAt: received, acknowledgedAt: hoursAgo(40) }),
      "acknowledge",
    );
    expect(c).toMatchObject({ state: "met", metAt: hoursAgo(40), dueAt: hoursAgo(52) });
  });

  it("is answered by closing an unacknowledged report", () => {
    const c = clock(
      makeSlaReport({ status: "CLOSED", receivedAt: hoursAgo(10), closedAt: hoursAgo(2) }),
      "acknowledge",
    );
    expect(c).toMatchObject({ state: "met", metAt: hoursAgo(2) });
  });
});

describe("detailed-response clock (48 h from acknowledgment)", () => {
  it("has not started before the acknowledgment", () => {
    expect(clock(makeSlaReport(), "response")).toMatchObject({ dueAt: null, state: "ok" });
  });

  it.each([
    { ackHoursAgo: 2, firstResponse: null, state: "ok" },
    { ackHoursAgo: 40, firstResponse: null, state: "at_risk" },
    { ackHoursAgo: 60, firstResponse: null, state: "breached" },
    { ackHoursAgo: 60, firstResponse: 30, state: "met" },
  ])(
    "acknowledged $ackHoursAgo h ago, answered $firstResponse h ago → $state",
    ({ ackHoursAgo, firstResponse, state }) => {
      const report = makeSlaReport({
        status: "TRIAGE",
        receivedAt: hoursAgo(ackHoursAgo + 1),
        acknowledgedAt: hoursAgo(ackHoursAgo),
        firstResponseAt: firstResponse === null ? null : hoursAgo(firstResponse),
      });
      const c = clock(report, "response");
      expect(c.state).toBe(state);
      expect(c.dueAt).toEqual(hoursAgo(ackHoursAgo - 48));
    },
  );
});

describe("keep-informed clock (every 7 days while open)", () => {
  it.each([
    { lastUpdateDaysAgo: 1, state: "ok" },
    { lastUpdateDaysAgo: 6, state: "at_risk" },
    { lastUpdateDaysAgo: 8, state: "breached" },
  ])("last update $lastUpdateDaysAgo d ago → $state", ({ lastUpdateDaysAgo, state }) => {
    const last = hoursAgo(lastUpdateDaysAgo * DAY);
    const c = clock(
      makeSlaReport({
        status: "FIXING",
        receivedAt: hoursAgo(30 * DAY),
        acknowledgedAt: hoursAgo(29 * DAY),
        lastUpdateAt: last,
      }),
      "update",
    );
    expect(c.state).toBe(state);
    expect(c.dueAt).toEqual(hoursAgo((lastUpdateDaysAgo - 7) * DAY));
  });

  it("pauses while waiting on the reporter", () => {
    const c = clock(
      makeSlaReport({
        status: "TRIAGE",
        acknowledgedAt: hoursAgo(20 * DAY),
        lastUpdateAt: hoursAgo(20 * DAY),
        waitingOnReporter: true,
        waitingSince: hoursAgo(19 * DAY),
      }),
      "update",
    );
    expect(c).toMatchObject({ state: "paused", dueAt: null });
  });

  it("is met when the report is disclosed", () => {
    const c = clock(
      makeSlaReport({
        status: "DISCLOSED",
        acknowledgedAt: hoursAgo(20 * DAY),
        lastUpdateAt: hoursAgo(20 * DAY),
        disclosedAt: hoursAgo(DAY),
      }),
      "update",
    );
    expect(c).toMatchObject({ state: "met", metAt: hoursAgo(DAY) });
  });
});

describe("fix clock (from confirmation, by severity)", () => {
  it.each([
    { severity: "CRITICAL", days: 7, confirmedDaysAgo: 3, state: "ok" },
    { severity: "CRITICAL", days: 7, confirmedDaysAgo: 6, state: "at_risk" },
    { severity: "CRITICAL", days: 7, confirmedDaysAgo: 8, state: "breached" },
    { severity: "HIGH", days: 30, confirmedDaysAgo: 10, state: "ok" },
    { severity: "MEDIUM", days: 90, confirmedDaysAgo: 80, state: "at_risk" },
    { severity: "LOW", days: 180, confirmedDaysAgo: 181, state: "breached" },
  ] as const)(
    "$severity confirmed $confirmedDaysAgo d ago → $state (due after $days d)",
    ({ severity, days, confirmedDaysAgo, state }) => {
      const c = clock(
        makeSlaReport({ status: "FIXING", severity, confirmedAt: hoursAgo(confirmedDaysAgo * DAY) }),
        "fix",
      );
      expect(c.state).toBe(state);
      expect(c.dueAt).toEqual(hoursAgo((confirmedDaysAgo - days) * DAY));
    },
  );

  it("does not start without a severity, and NONE promises no deadline", () => {
    expect(clock(makeSlaReport({ status: "CONFIRMED", confirmedAt: hoursAgo(DAY) }), "fix").dueAt).toBeNull();
    expect(
      clock(makeSlaReport({ status: "CONFIRMED", severity: "NONE", confirmedAt: hoursAgo(DAY) }), "fix").dueAt,
    ).toBeNull();
  });

  it("moves its due time by the time already spent waiting on the reporter", () => {
    const c = clock(
      makeSlaReport({
        status: "FIXING",
        severity: "CRITICAL",
        confirmedAt: hoursAgo(8 * DAY),
        pausedSeconds: 2 * DAY * 3600,
      }),
      "fix",
    );
    expect(c.dueAt).toEqual(hoursAgo(-1 * DAY));
    expect(c.state).toBe("at_risk"); // 1 d of 9 left
  });

  it("pauses while waiting on the reporter and is met by disclosure", () => {
    expect(
      clock(
        makeSlaReport({ status: "FIXING", severity: "HIGH", confirmedAt: hoursAgo(DAY), waitingOnReporter: true }),
        "fix",
      ).state,
    ).toBe("paused");
    expect(
      clock(
        makeSlaReport({
          status: "DISCLOSED",
          severity: "HIGH",
          confirmedAt: hoursAgo(9 * DAY),
          disclosedAt: hoursAgo(DAY),
        }),
        "fix",
      ),
    ).toMatchObject({ state: "met", metAt: hoursAgo(DAY) });
  });
});

describe("most urgent clock", () => {
  it("prefers breached over at risk over ok, then the nearest due time", () => {
    const report = makeSlaReport({
      status: "FIXING",
      severity: "CRITICAL",
      receivedAt: hoursAgo(30 * DAY),
      acknowledgedAt: hoursAgo(29 * DAY),
      firstResponseAt: hoursAgo(28 * DAY),
      lastUpdateAt: hoursAgo(8 * DAY),
      confirmedAt: hoursAgo(6 * DAY),
    });
    const clocks = computeClocks(report, DEFAULT_POLICY, NOW);
    expect(mostUrgent(clocks)?.clock).toBe("update");
    expect(
      mostUrgent(
        computeClocks(
          makeSlaReport({ status: "DISCLOSED", disclosedAt: NOW, acknowledgedAt: NOW }),
          DEFAULT_POLICY,
          NOW,
        ),
      ),
    ).toBeNull();
  });
});

describe("board ordering (byMostUrgentClock)", () => {
  const card = (key: string, ...sla: UrgencyClock[]) => ({ key, sla });
  const at = (iso: string, state: UrgencyClock["state"] = "ok"): UrgencyClock => ({ state, dueAt: iso });
  it.each<[string, ReturnType<typeof card>[], string[]]>([
    [
      "breached before at risk before ok",
      [
        card("ok", at("2026-01-01")),
        card("risk", at("2026-03-01", "at_risk")),
        card("late", at("2026-06-01", "breached")),
      ],
      ["late", "risk", "ok"],
    ],
    [
      "same state: nearest due first",
      [card("later", at("2026-02-01")), card("sooner", at("2026-01-01"))],
      ["sooner", "later"],
    ],
    [
      "paused after ok, no clock last",
      [card("none"), card("paused", { state: "paused", dueAt: null }), card("ok", at("2027-01-01"))],
      ["ok", "paused", "none"],
    ],
    [
      "met clocks count as nothing due",
      [card("met", { state: "met", dueAt: "2020-01-01" }), card("ok", at("2026-01-01"))],
      ["ok", "met"],
    ],
    [
      "a card's worst clock decides",
      [card("one", at("2026-01-01")), card("two", at("2027-01-01"), at("2027-06-01", "breached"))],
      ["two", "one"],
    ],
    [
      "Date and ISO clocks order alike",
      [card("b", { state: "ok", dueAt: new Date("2026-02-01") }), card("a", at("2026-01-01"))],
      ["a", "b"],
    ],
  ])("%s", (_, cards, keys) => {
    expect([...cards].sort(byMostUrgentClock).map((c) => c.key)).toEqual(keys);
  });
});
