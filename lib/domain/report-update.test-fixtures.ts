import type { ReportBeforeUpdate } from "./report-update-input";

// Shared by the report-update tests: a report in Triage and two team members.

export const NOW = new Date("2026-03-01T12:00:00Z");
export const EARLIER = new Date("2026-02-01T12:00:00Z");
export const ann = { id: "u-ann", email: "ann@example.org", name: "Ann" };
export const bob = { id: "u-bob", email: "bob@example.org", name: "Bob" };
export const member = (p: typeof ann, over: { role?: string; disabled?: boolean } = {}) => ({
  ...p,
  role: "HANDLER",
  disabled: false,
  ...over,
});

export const report = (over: Partial<ReportBeforeUpdate> = {}): ReportBeforeUpdate => ({
  id: "r-1",
  status: "TRIAGE",
  resolution: null,
  title: "XSS in the editor",
  severity: null,
  cvssVector: null,
  cweIds: [],
  labels: [],
  checklist: [],
  cveId: null,
  ghsaId: null,
  advisoryUrl: null,
  assigneeId: null,
  assignee: null,
  backup: null,
  duplicateOf: null,
  project: null,
  thirdPartyName: null,
  thirdPartyContact: null,
  waitingOnReporter: false,
  pausedSeconds: 0,
  acknowledgedAt: EARLIER,
  confirmedAt: null,
  releasedAt: null,
  firstResponseAt: null,
  ...over,
});
