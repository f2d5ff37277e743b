import type { SlaReport } from "@/lib/domain/sla";

// Shared test factories: a report as the SLA clocks see it.
export const NOW = new Date("2026-11-24T12:00:00Z");

export const hoursAgo = (h: number, from = NOW) => new Date(from.getTime() - h * 3_600_000);

export function makeSlaReport(overrides: Partial<SlaReport> = {}): SlaReport {
  return {
    status: "NEW",
    severity: null,
    receivedAt: hoursAgo(1),
    acknowledgedAt: null,
    firstResponseAt: null,
    lastUpdateAt: null,
    confirmedAt: null,
    disclosedAt: null,
    closedAt: null,
    waitingOnReporter: false,
    waitingSince: null,
    pausedSeconds: 0,
    ...overrides,
  };
}
