import { isReportKey } from "./report-key";
import type { MoveProject, MoveReport } from "./report-move";
import type { Resolution, Severity, Status } from "./workflow";

// What planReportUpdate (./report-update.ts) reads: the report as loaded,
// the parsed patch, and the facts looked up beforehand.

export type Person = { id: string; email: string; name: string };

/** The report's fields the plan reads. */
export type ReportBeforeUpdate = {
  id: string;
  status: Status;
  resolution: Resolution | null;
  title: string;
  severity: Severity | null;
  cvssVector: string | null;
  cweIds: string[];
  labels: string[];
  checklist: string[];
  cveId: string | null;
  ghsaId: string | null;
  advisoryUrl: string | null;
  assigneeId: string | null;
  assignee: Person | null;
  backup: Person | null;
  duplicateOf: { key: string } | null;
  project: { slug: string } | null;
  thirdPartyName: string | null;
  thirdPartyContact: string | null;
  waitingOnReporter: boolean;
  pausedSeconds: number;
  acknowledgedAt: Date | null;
  confirmedAt: Date | null;
  releasedAt: Date | null;
  firstResponseAt: Date | null;
};

/** The parsed PATCH body (lib/schemas/reports.ts patchReportInput); undefined leaves a field as it is. */
export type ReportPatch = {
  status?: Status;
  resolution?: Resolution | null;
  assignee?: string | null;
  backup?: string | null;
  severity?: Severity | null;
  cvssVector?: string | null;
  cweIds?: string[];
  labels?: string[];
  title?: string;
  duplicateOf?: string | null;
  thirdParty?: { name: string; contact?: string } | null;
  waitingOnReporter?: boolean;
  checklist?: string[];
  advisoryUrl?: string | null;
  cveId?: string | null;
  ghsaId?: string | null;
  /** a project's slug, or null for none (Unsorted) */
  project?: string | null;
};

/** A team member named by the patch, as looked up by email (null: no such user). */
export type MemberFact = (Person & { role: string; disabled: boolean }) | null;

/** What the plan needs from the database, loaded beforehand (see updateFactsNeeded). */
export type UpdateFacts = {
  assignee?: MemberFact;
  backup?: MemberFact;
  /** the report the patch's duplicateOf names (null: no such report) */
  duplicateTarget?: { id: string; key: string } | null;
  /** the release gate: the project's maintained lines not yet ready, not yet released */
  linesNotReady?: string[];
  linesNotReleased?: string[];
  /** a move: the project the report is in, the one the patch names (null: no such project) and what it holds */
  move?: { from: MoveProject | null; to: MoveProject | null; report: MoveReport };
  /** whether any project exists (a report without one then cannot pass the release gate) */
  projectsExist?: boolean;
  /** the fix-clock seconds the wait on the reporter being ended took */
  pausedSeconds?: number;
};

/** Which facts a patch needs loaded: the users and report it names, the release gate, the paused time. */
export function updateFactsNeeded(
  report: Pick<ReportBeforeUpdate, "status" | "waitingOnReporter" | "project">,
  patch: ReportPatch,
) {
  return {
    move: patch.project !== undefined && patch.project !== (report.project?.slug ?? null),
    assignee: patch.assignee || null,
    backup: patch.backup || null,
    duplicateTarget: patch.duplicateOf && isReportKey(patch.duplicateOf) ? patch.duplicateOf : null,
    gate: patch.status !== undefined && patch.status !== report.status,
    pausedTime: patch.waitingOnReporter === false && report.waitingOnReporter,
  };
}
