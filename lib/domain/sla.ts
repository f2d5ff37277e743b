import type { SlaCalendar } from "./calendar";
import { CALENDAR_HOURS, addHours, countableBetween } from "./calendar";
import type { Severity, Status } from "./workflow";

// SLA clocks: a pure function of the report's stamps, its policy and now.
// All instants are UTC. This is the calendar-hour mode the policy's own
// words ("within 48 hours") describe.

export const CLOCKS = ["acknowledge", "response", "update", "fix"] as const;
export type ClockName = (typeof CLOCKS)[number];
export type ClockState = "ok" | "at_risk" | "breached" | "met" | "paused";

export type SlaPolicy = {
  /** calendar hours (the default) or business days in a time zone */
  calendar?: SlaCalendar;
  acknowledgeHours: number;
  responseHours: number;
  updateDays: number;
  fixDaysCritical: number;
  fixDaysHigh: number;
  fixDaysMedium: number;
  fixDaysLow: number;
};

export const DEFAULT_POLICY: SlaPolicy = {
  acknowledgeHours: 48,
  responseHours: 48,
  updateDays: 7,
  fixDaysCritical: 7,
  fixDaysHigh: 30,
  fixDaysMedium: 90,
  fixDaysLow: 180,
};

export type SlaReport = {
  status: Status;
  severity: Severity | null;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  firstResponseAt: Date | null;
  lastUpdateAt: Date | null;
  confirmedAt: Date | null;
  disclosedAt: Date | null;
  closedAt: Date | null;
  waitingOnReporter: boolean;
  waitingSince: Date | null;
  /** pause already accumulated by the fix clock: countable seconds under the policy's calendar (see pauseSeconds) */
  pausedSeconds: number;
};

export type Clock = {
  clock: ClockName;
  startedAt: Date | null;
  dueAt: Date | null;
  metAt: Date | null;
  state: ClockState;
};

/** A clock is at risk when less than this share of its time is left. */
export const AT_RISK_SHARE = 0.25;

function running(clock: ClockName, startedAt: Date, dueAt: Date, now: Date, cal: SlaCalendar): Clock {
  if (now.getTime() > dueAt.getTime()) return { clock, startedAt, dueAt, metAt: null, state: "breached" };
  const total = countableBetween(startedAt, dueAt, cal);
  const left = countableBetween(now, dueAt, cal);
  return { clock, startedAt, dueAt, metAt: null, state: left < total * AT_RISK_SHARE ? "at_risk" : "ok" };
}

function finished(clock: ClockName, startedAt: Date | null, dueAt: Date | null, metAt: Date): Clock {
  return { clock, startedAt, dueAt, metAt, state: "met" };
}

const idle = (clock: ClockName): Clock => ({ clock, startedAt: null, dueAt: null, metAt: null, state: "ok" });

/** The countable time a wait on the reporter took, in seconds: wall time in calendar mode, business time in business mode. */
export function pauseSeconds(from: Date, to: Date, policy: SlaPolicy): number {
  return Math.max(0, Math.round(countableBetween(from, to, policy.calendar ?? CALENDAR_HOURS) / 1000));
}

export function fixDays(policy: SlaPolicy, severity: Severity | null): number | null {
  switch (severity) {
    case "CRITICAL":
      return policy.fixDaysCritical;
    case "HIGH":
      return policy.fixDaysHigh;
    case "MEDIUM":
      return policy.fixDaysMedium;
    case "LOW":
      return policy.fixDaysLow;
    default:
      return null;
  }
}

export function computeClocks(report: SlaReport, policy: SlaPolicy, now: Date): Clock[] {
  const cal = policy.calendar ?? CALENDAR_HOURS;
  const after = (start: Date, hours: number) => addHours(start, hours, cal);
  const run = (clock: ClockName, start: Date, due: Date) => running(clock, start, due, now, cal);
  const endedAt =
    report.status === "CLOSED" ? report.closedAt : report.status === "DISCLOSED" ? report.disclosedAt : null;

  // acknowledge: received → acknowledgment (closing unacknowledged also answers)
  const ackDue = after(report.receivedAt, policy.acknowledgeHours);
  const ackMet = report.acknowledgedAt ?? endedAt;
  const acknowledge = ackMet
    ? finished("acknowledge", report.receivedAt, ackDue, ackMet)
    : run("acknowledge", report.receivedAt, ackDue);

  // detailed response: acknowledgment → first reporter-visible message after it
  let response = idle("response");
  if (report.acknowledgedAt) {
    const due = after(report.acknowledgedAt, policy.responseHours);
    const met = report.firstResponseAt ?? endedAt;
    response = met
      ? finished("response", report.acknowledgedAt, due, met)
      : run("response", report.acknowledgedAt, due);
  }

  // keep informed: last reporter-visible message → the next one, while open
  let update = idle("update");
  const lastMessage = report.lastUpdateAt ?? report.firstResponseAt ?? report.acknowledgedAt;
  if (endedAt) {
    update = finished("update", lastMessage, null, endedAt);
  } else if (report.waitingOnReporter) {
    update = { clock: "update", startedAt: lastMessage, dueAt: null, metAt: null, state: "paused" };
  } else if (lastMessage) {
    const start = report.waitingSince && report.waitingSince > lastMessage ? report.waitingSince : lastMessage;
    update = run("update", start, after(start, policy.updateDays * 24));
  }

  // fix: confirmation → disclosure, by severity, minus time spent waiting on the reporter
  let fix = idle("fix");
  const days = fixDays(policy, report.severity);
  if (report.confirmedAt && days !== null) {
    // a wait on the reporter moves the due time by the countable time it took (business hours in business mode)
    const due = after(report.confirmedAt, days * 24 + report.pausedSeconds / 3600);
    if (report.disclosedAt && report.status === "DISCLOSED")
      fix = finished("fix", report.confirmedAt, due, report.disclosedAt);
    else if (endedAt) fix = finished("fix", report.confirmedAt, due, endedAt);
    else if (report.waitingOnReporter)
      fix = { clock: "fix", startedAt: report.confirmedAt, dueAt: null, metAt: null, state: "paused" };
    else fix = run("fix", report.confirmedAt, due);
  }

  return [acknowledge, response, update, fix];
}

const URGENCY: Record<ClockState, number> = { breached: 0, at_risk: 1, ok: 2, paused: 3, met: 4 };

/** What ordering by urgency reads from a clock: works for computed clocks (Date) and serialised ones (ISO string). */
export type UrgencyClock = { state: ClockState; dueAt: Date | string | null };

const dueTime = (due: Date | string | null): number =>
  due === null ? Infinity : typeof due === "string" ? Date.parse(due) : due.getTime();

/** Sort comparator: the worst state first, then the nearest due time (no due time last). */
export function byUrgency(a: UrgencyClock, b: UrgencyClock): number {
  return URGENCY[a.state] - URGENCY[b.state] || dueTime(a.dueAt) - dueTime(b.dueAt);
}

/** The clock a card shows: the most urgent one still running or paused, or null when none is. */
export function mostUrgent<C extends UrgencyClock>(clocks: C[]): C | null {
  const live = clocks.filter((c) => c.state !== "met" && (c.dueAt || c.state === "paused"));
  return live.sort(byUrgency)[0] ?? null;
}

const NOTHING_DUE: UrgencyClock = { state: "met", dueAt: null };

/** Sort comparator for reports (the board's open columns): by each one's most urgent clock; none counts as met. */
export function byMostUrgentClock(a: { sla: UrgencyClock[] }, b: { sla: UrgencyClock[] }): number {
  return byUrgency(mostUrgent(a.sla) ?? NOTHING_DUE, mostUrgent(b.sla) ?? NOTHING_DUE);
}

/** Whether a clock was met within its time (for the reporter's promises). */
export function metInTime(clock: Clock): boolean | null {
  if (!clock.metAt || !clock.dueAt) return null;
  return clock.metAt.getTime() <= clock.dueAt.getTime();
}
