// Report states in workflow order, with the words the team and the reporter
// see for each. Transition rules live beside them (issue: triage board).

export const STATUSES = ["NEW", "TRIAGE", "CONFIRMED", "FIXING", "RELEASE_PENDING", "DISCLOSED", "CLOSED"] as const;
export type Status = (typeof STATUSES)[number];

export const OPEN_STATUSES = [
  "NEW",
  "TRIAGE",
  "CONFIRMED",
  "FIXING",
  "RELEASE_PENDING",
] as const satisfies readonly Status[];

export const RESOLUTIONS = ["REJECTED", "DUPLICATE", "THIRD_PARTY", "WITHDRAWN"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const SEVERITIES = ["NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isOpen(status: Status): boolean {
  return (OPEN_STATUSES as readonly Status[]).includes(status);
}

export const STATUS_LABELS: Record<Status, string> = {
  NEW: "New",
  TRIAGE: "Triage",
  CONFIRMED: "Confirmed",
  FIXING: "Fixing",
  RELEASE_PENDING: "Release pending",
  DISCLOSED: "Disclosed",
  CLOSED: "Closed",
};

/** The policy step each column stands for (column header hover). */
export const STATUS_POLICY_STEP: Record<Status, string> = {
  NEW: "Received, waiting for acknowledgment (within 48 hours)",
  TRIAGE: "Acknowledged, being assessed",
  CONFIRMED: "Confirmed by the primary handler; affected versions being determined",
  FIXING: "Fixes being prepared for every maintained release line",
  RELEASE_PENDING: "Fixes ready on every maintained line, waiting for release",
  DISCLOSED: "Fixed, released and announced",
  CLOSED: "Closed without a fix: not a vulnerability, duplicate, third party or withdrawn",
};

export const EMPTY_COLUMN_TEXT: Record<Status, string> = {
  NEW: "Nothing waiting for acknowledgment",
  TRIAGE: "Nothing being assessed",
  CONFIRMED: "No confirmed reports",
  FIXING: "No fixes in progress",
  RELEASE_PENDING: "Nothing waiting for release",
  DISCLOSED: "Nothing disclosed yet",
  CLOSED: "Nothing closed",
};

export const RESOLUTION_LABELS: Record<Resolution, string> = {
  REJECTED: "Not a vulnerability",
  DUPLICATE: "Duplicate",
  THIRD_PARTY: "Third-party module",
  WITHDRAWN: "Withdrawn",
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  NONE: "None",
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  CRITICAL: "Critical",
};

/** The reporter's stepper, in plain words. */
export const REPORTER_STAGES = [
  { stage: "received", label: "Received" },
  { stage: "acknowledged", label: "Acknowledged" },
  { stage: "confirmed", label: "Confirmed" },
  { stage: "fixing", label: "Fix in progress" },
  { stage: "released", label: "Fixed and released" },
  { stage: "disclosed", label: "Disclosed" },
] as const;
export type ReporterStage = (typeof REPORTER_STAGES)[number]["stage"] | "closed";

export function reporterStage(status: Status): ReporterStage {
  switch (status) {
    case "NEW":
      return "received";
    case "TRIAGE":
      return "acknowledged";
    case "CONFIRMED":
      return "confirmed";
    case "FIXING":
      return "fixing";
    case "RELEASE_PENDING":
      return "released";
    case "DISCLOSED":
      return "disclosed";
    case "CLOSED":
      return "closed";
  }
}

export function reporterStageText(status: Status, resolution: Resolution | null): string {
  switch (status) {
    case "NEW":
      return "We have received your report. The security team will acknowledge it within 48 hours.";
    case "TRIAGE":
      return "We have acknowledged your report and are assessing it. We will follow up with a detailed response and next steps.";
    case "CONFIRMED":
      return "We have confirmed the problem and are determining which versions are affected.";
    case "FIXING":
      return "We are preparing fixes for every release line still under maintenance.";
    case "RELEASE_PENDING":
      return "Fixes are ready and are being released.";
    case "DISCLOSED":
      return "The fix has been released and the vulnerability has been announced. Thank you.";
    case "CLOSED":
      switch (resolution) {
        case "REJECTED":
          return "We closed this report: we concluded it is not a vulnerability in this project.";
        case "DUPLICATE":
          return "We closed this report as a duplicate of one we already had.";
        case "THIRD_PARTY":
          return "We closed this report: the problem is in a third-party module, whose maintainers we pointed you to.";
        case "WITHDRAWN":
          return "This report was withdrawn.";
        default:
          return "We closed this report.";
      }
  }
}
