import { DomainError } from "@/lib/errors";

import { scoreCvss } from "./cvss";
import { isReportKey } from "./report-key";
import type { MovePlan } from "./report-move";
import { planReportMove } from "./report-move";
import type { MemberFact, Person, ReportBeforeUpdate, ReportPatch, UpdateFacts } from "./report-update-input";
import { ACK_TEXT, DISCLOSED_TEXT, closingText } from "./reporter-texts";
import { checkTransition } from "./transitions";
import type { Resolution, Severity, Status } from "./workflow";
import { RESOLUTION_LABELS } from "./workflow";

// A change to a report (PATCH /reports/{key}) as a pure plan: from the report
// as loaded, the parsed patch, the facts looked up beforehand and now, what to
// write, which timeline entries and mails follow, and the audit entry. The
// server only loads, checks the version, writes the plan in one transaction
// and enqueues the mails.

export type ReportChanges = {
  title?: string;
  assigneeId?: string | null;
  backupId?: string | null;
  cvssVector?: string | null;
  cvssScore?: number | null;
  severity?: Severity | null;
  cweIds?: string[];
  labels?: string[];
  checklist?: string[];
  cveId?: string | null;
  ghsaId?: string | null;
  advisoryUrl?: string | null;
  duplicateOfId?: string | null;
  projectId?: string | null;
  thirdPartyName?: string | null;
  thirdPartyContact?: string | null;
  waitingOnReporter?: boolean;
  waitingSince?: Date | null;
  pausedSeconds?: number;
  status?: Status;
  acknowledgedAt?: Date;
  lastUpdateAt?: Date;
  firstResponseAt?: Date;
  confirmedAt?: Date;
  disclosedAt?: Date;
  releasedAt?: Date;
  closedAt?: Date | null;
  resolution?: Resolution | null;
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** An internal timeline entry the change records. */
export type PlannedEvent = { kind: string; data?: { [key: string]: Json } };

/** A mail to the reporter: the acknowledgment (with its status link), or a message under this template name. */
export type PlannedMail = { template: string; text: string };

export type UpdatePlan = {
  /** empty when the patch changes nothing */
  changes: ReportChanges;
  events: PlannedEvent[];
  mails: PlannedMail[];
  /** a move to another project: the ranges and overrides that go with the old one */
  move: Pick<MovePlan, "removeRangeIds" | "removeOverrideIds"> | null;
  audit: { before: Record<string, unknown>; after: Record<string, unknown> };
};

function memberOrThrow(email: string, user: MemberFact | undefined, field: string): Person {
  if (!user || user.disabled || user.role === "VIEWER") {
    throw new DomainError("bad_request", `${email} is not an active handler or admin.`, {
      fields: { [field]: "Not an active handler or admin" },
    });
  }
  return { id: user.id, email: user.email, name: user.name };
}

export function planReportUpdate(
  report: ReportBeforeUpdate,
  patch: ReportPatch,
  facts: UpdateFacts,
  now: Date,
): UpdatePlan {
  const changes: ReportChanges = {};
  const events: PlannedEvent[] = [];
  const mails: PlannedMail[] = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const note = (field: string, from: unknown, to: unknown) => {
    before[field] = from;
    after[field] = to;
  };

  if (patch.title !== undefined && patch.title !== report.title) {
    changes.title = patch.title;
    note("title", report.title, patch.title);
    events.push({ kind: "title_changed", data: { from: report.title, to: patch.title } });
  }

  let assigneeId = report.assigneeId;
  if (patch.assignee !== undefined && patch.assignee !== (report.assignee?.email ?? null)) {
    const user = patch.assignee ? memberOrThrow(patch.assignee, facts.assignee, "assignee") : null;
    assigneeId = user?.id ?? null;
    changes.assigneeId = assigneeId;
    note("assignee", report.assignee?.email ?? null, user?.email ?? null);
    events.push({ kind: "assigned", data: { from: report.assignee?.name ?? null, to: user?.name ?? null } });
  }
  if (patch.backup !== undefined && patch.backup !== (report.backup?.email ?? null)) {
    const user = patch.backup ? memberOrThrow(patch.backup, facts.backup, "backup") : null;
    changes.backupId = user?.id ?? null;
    note("backup", report.backup?.email ?? null, user?.email ?? null);
    events.push({ kind: "backup_assigned", data: { from: report.backup?.name ?? null, to: user?.name ?? null } });
  }

  let severity = report.severity;
  if (patch.cvssVector !== undefined && patch.cvssVector !== report.cvssVector) {
    if (patch.cvssVector) {
      const scored = scoreCvss(patch.cvssVector);
      if (!scored.ok) throw new DomainError("bad_request", scored.reason, { fields: { cvssVector: scored.reason } });
      changes.cvssVector = scored.vector;
      changes.cvssScore = scored.score;
      if (patch.severity === undefined) severity = scored.severity;
      note("cvss", report.cvssVector, scored.vector);
      events.push({ kind: "cvss_changed", data: { vector: scored.vector, score: scored.score } });
    } else {
      changes.cvssVector = null;
      changes.cvssScore = null;
      note("cvss", report.cvssVector, null);
      events.push({ kind: "cvss_changed", data: { vector: null } });
    }
  }
  if (patch.severity !== undefined) severity = patch.severity;
  if (severity !== report.severity) {
    changes.severity = severity;
    note("severity", report.severity, severity);
    events.push({ kind: "severity_changed", data: { from: report.severity, to: severity } });
  }

  for (const field of ["cweIds", "labels"] as const) {
    const next = patch[field];
    if (next !== undefined) {
      const unique = [...new Set(next)];
      if (unique.join("\n") !== report[field].join("\n")) {
        changes[field] = unique;
        note(field, report[field], unique);
        events.push({ kind: field === "labels" ? "labels_changed" : "cwe_changed", data: { to: unique } });
      }
    }
  }
  if (patch.checklist !== undefined) {
    const next = [...new Set(patch.checklist)].sort();
    if (next.join() !== [...report.checklist].sort().join()) {
      changes.checklist = next;
      note("checklist", report.checklist, next);
      events.push({ kind: "checklist_changed", data: { to: next } });
    }
  }
  for (const field of ["cveId", "ghsaId", "advisoryUrl"] as const) {
    const next = patch[field];
    if (next !== undefined && next !== report[field]) {
      changes[field] = next;
      note(field, report[field], next);
      events.push({ kind: "identifier_changed", data: { field, to: next } });
    }
  }

  let duplicateOfKey = report.duplicateOf?.key ?? null;
  if (patch.duplicateOf !== undefined && patch.duplicateOf !== duplicateOfKey) {
    if (patch.duplicateOf) {
      const original = isReportKey(patch.duplicateOf) ? facts.duplicateTarget : null;
      if (!original || original.id === report.id) {
        throw new DomainError("bad_request", `${patch.duplicateOf} is not another report.`, {
          fields: { duplicateOf: "Not another report's key" },
        });
      }
      changes.duplicateOfId = original.id;
    } else {
      changes.duplicateOfId = null;
    }
    note("duplicateOf", duplicateOfKey, patch.duplicateOf);
    events.push({ kind: "duplicate_marked", data: { from: duplicateOfKey, to: patch.duplicateOf } });
    duplicateOfKey = patch.duplicateOf;
  }
  let projectSlug = report.project?.slug ?? null;
  let move: MovePlan | null = null;
  if (patch.project !== undefined && patch.project !== projectSlug) {
    const m = facts.move;
    if (!m || (patch.project && !m.to)) {
      throw new DomainError("bad_request", `Unknown project "${patch.project}".`, {
        fields: { project: "Unknown project" },
      });
    }
    move = planReportMove(m.report, m.from, m.to);
    if (move) {
      changes.projectId = move.projectId;
      note("project", projectSlug, patch.project);
      events.push(move.event);
      projectSlug = patch.project;
    }
  }

  let thirdParty = { name: report.thirdPartyName, contact: report.thirdPartyContact };
  if (patch.thirdParty !== undefined) {
    thirdParty = { name: patch.thirdParty?.name ?? null, contact: patch.thirdParty?.contact || null };
    changes.thirdPartyName = thirdParty.name;
    changes.thirdPartyContact = thirdParty.contact;
    note("thirdParty", { name: report.thirdPartyName, contact: report.thirdPartyContact }, thirdParty);
  }

  if (patch.waitingOnReporter !== undefined && patch.waitingOnReporter !== report.waitingOnReporter) {
    changes.waitingOnReporter = patch.waitingOnReporter;
    if (patch.waitingOnReporter) {
      changes.waitingSince = now;
    } else {
      changes.waitingSince = null;
      changes.pausedSeconds = report.pausedSeconds + (facts.pausedSeconds ?? 0);
    }
    note("waitingOnReporter", report.waitingOnReporter, patch.waitingOnReporter);
    events.push({ kind: patch.waitingOnReporter ? "waiting_started" : "waiting_ended" });
  }

  const targetStatus = patch.status ?? report.status;
  if (patch.resolution !== undefined && patch.resolution !== null && targetStatus !== "CLOSED") {
    throw new DomainError("bad_request", "A resolution is set only when closing the report.", {
      fields: { resolution: "Only when closing" },
    });
  }
  if (patch.status !== undefined && patch.status !== report.status) {
    const resolution = patch.resolution ?? (patch.status === "CLOSED" ? null : report.resolution);
    const check = checkTransition(report.status, patch.status, {
      hasHandler: !!assigneeId,
      severity,
      acknowledged: !!report.acknowledgedAt,
      resolution,
      duplicateOf: duplicateOfKey,
      thirdPartyName: thirdParty.name,
      linesNotReady: facts.linesNotReady ?? [],
      linesNotReleased: facts.linesNotReleased ?? [],
      noProject: !projectSlug && !!facts.projectsExist,
    });
    if (!check.ok) throw new DomainError("rule_violated", check.reason);
    const fx = check.effects;
    changes.status = patch.status;
    if (fx.acknowledge) {
      changes.acknowledgedAt = now;
      changes.lastUpdateAt = now;
      mails.push({ template: "acknowledgment", text: ACK_TEXT });
    }
    if (fx.stampConfirmed && !report.confirmedAt) changes.confirmedAt = now;
    if (fx.stampDisclosed) {
      changes.disclosedAt = now;
      changes.releasedAt = report.releasedAt ?? now;
    }
    if (fx.stampClosed) {
      changes.closedAt = now;
      changes.resolution = resolution;
    }
    if (fx.reopen) {
      changes.closedAt = null;
      changes.resolution = null;
    }
    const notify =
      fx.notifyReporter === "disclosed"
        ? { template: "disclosed", text: DISCLOSED_TEXT }
        : fx.notifyReporter === "closed"
          ? { template: `closed_${resolution!.toLowerCase()}`, text: closingText(resolution, thirdParty) }
          : null;
    if (notify) {
      // a message to the reporter keeps them informed, and is the detailed response once acknowledged
      mails.push(notify);
      changes.lastUpdateAt = now;
      if (!report.firstResponseAt && report.acknowledgedAt) changes.firstResponseAt = now;
    }
    note("status", report.status, patch.status);
    if (fx.stampClosed) note("resolution", report.resolution, resolution);
    events.push({
      kind: "status_changed",
      data: {
        from: report.status,
        to: patch.status,
        ...(fx.stampClosed ? { resolution, resolutionText: RESOLUTION_LABELS[resolution!] } : {}),
        ...(fx.backwards ? { backwards: true } : {}),
      },
    });
  }

  const placement = move ? { removeRangeIds: move.removeRangeIds, removeOverrideIds: move.removeOverrideIds } : null;
  return { changes, events, mails, move: placement, audit: { before, after } };
}
