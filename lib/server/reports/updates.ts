import "server-only";

import { scoreCvss } from "@/lib/domain/cvss";
import { isReportKey } from "@/lib/domain/report-key";
import { pauseSeconds } from "@/lib/domain/sla";
import { checkTransition } from "@/lib/domain/transitions";
import { RESOLUTION_LABELS } from "@/lib/domain/workflow";
import { appUrl } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { formatRelative } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  MAX_MESSAGE_BYTES,
  creditInput,
  messageInput,
  patchReportInput,
  reporterMessageInput,
} from "@/lib/schemas/reports";
import type { Actor } from "@/lib/server/auth/actor";
import { actorLabel, actorUserId, authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import { hashesEqual, newSecret, sha256Hex } from "@/lib/server/infra/crypto";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { publishReportChange } from "@/lib/server/infra/live";
import { enforceRateLimit } from "@/lib/server/infra/rate-limit";
import { parseInput } from "@/lib/server/infra/validate";
import { NEEDS_FULL_REPORT, enqueueMail, templates } from "@/lib/server/mail/outbox";
import { gateFacts } from "@/lib/server/matrix/matrix";
import { policyNumbers } from "@/lib/server/sla/policy";

import { statusUrl } from "./reports";

// Changes to a report: the PATCH use case (workflow moves and fields, with
// optimistic concurrency), team messages and notes, and reporter replies.
// Each writes its timeline events, audit entry and outbound mail in the
// same transaction, then tells open boards.

const ACK_TEXT =
  "Thank you for your report. We have received it and a member of the security team is assessing it. We will follow up with a detailed response and next steps.";

async function loadForUpdate(tx: Tx, key: string) {
  if (!isReportKey(key)) throw new DomainError("not_found", "No such report.");
  const report = await tx.report.findUnique({
    where: { key },
    include: {
      assignee: { select: { id: true, email: true, name: true } },
      backup: { select: { id: true, email: true, name: true } },
      duplicateOf: { select: { key: true } },
      reporter: true,
    },
  });
  if (!report) throw new DomainError("not_found", "No such report.");
  return report;
}

/**
 * The fix-clock time a wait on the reporter took, counted as the report's policy counts (business hours in
 * business mode). Only the part after confirmation counts: the fix clock starts there.
 */
async function pausedFor(
  tx: Tx,
  report: { slaPolicyId: string | null; waitingSince: Date | null; confirmedAt: Date | null },
  now: Date,
): Promise<number> {
  if (!report.waitingSince || !report.confirmedAt) return 0;
  const from = report.waitingSince > report.confirmedAt ? report.waitingSince : report.confirmedAt;
  const policy = report.slaPolicyId ? await tx.slaPolicy.findUnique({ where: { id: report.slaPolicyId } }) : null;
  return pauseSeconds(from, now, policyNumbers(policy));
}

async function staleError(tx: Tx, report: { id: string; key: string; version: number }): Promise<DomainError> {
  const last = await tx.auditLog.findFirst({
    where: { entityType: "report", entityId: report.id },
    orderBy: { at: "desc" },
    include: { actor: { select: { name: true } } },
  });
  const who = last ? `${last.actor?.name ?? last.actorLabel} ${formatRelative(last.at)}` : "someone else";
  return new DomainError(
    "conflict",
    `${report.key} was changed by ${who}. Reload it and try again (current version ${report.version}).`,
    {
      fields: { version: `current version is ${report.version}` },
    },
  );
}

async function teamMember(tx: Tx, email: string, field: string) {
  const user = await tx.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabled: true },
  });
  if (!user || user.disabled || user.role === "VIEWER") {
    throw new DomainError("bad_request", `${email} is not an active handler or admin.`, {
      fields: { [field]: "Not an active handler or admin" },
    });
  }
  return user;
}

/** Sends the acknowledgment, with a status link when the reporter has none yet. */
async function sendAcknowledgment(
  tx: Tx,
  actor: Actor,
  report: { id: string; key: string; title: string; needsFullReport: boolean; reporter: { email: string } },
  at: Date,
) {
  const linkSent = await tx.outboundMail.count({
    where: { reportId: report.id, template: { in: ["received", "acknowledgment"] } },
  });
  let link: string | null = null;
  if (!linkSent) {
    const token = newSecret();
    await tx.statusToken.create({
      data: { reportId: report.id, tokenHash: sha256Hex(token), createdById: actorUserId(actor) },
    });
    link = statusUrl(token);
  }
  const mail = templates.acknowledgment({
    key: report.key,
    title: report.title,
    link,
    body: ACK_TEXT,
    needsFullReport: report.needsFullReport,
  });
  const messageId = await enqueueMail(tx, {
    reportId: report.id,
    key: report.key,
    template: "acknowledgment",
    to: report.reporter.email,
    ...mail,
  });
  await tx.timelineEvent.create({
    data: {
      reportId: report.id,
      at,
      kind: "acknowledgment",
      visibility: "REPORTER",
      actorType: actor.kind === "user" ? "USER" : "SYSTEM",
      actorId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      body: report.needsFullReport ? `${ACK_TEXT}\n\n${NEEDS_FULL_REPORT}` : ACK_TEXT,
      messageId,
    },
  });
}

function closingText(resolution: string, thirdParty: { name: string | null; contact: string | null }): string {
  switch (resolution) {
    case "REJECTED":
      return "Thank you for your report. After assessing it we concluded that it is not a vulnerability in this project, so we are closing it. If you disagree, reply with more detail and we will look again.";
    case "DUPLICATE":
      return "Thank you for your report. It describes a problem we already know about and are handling under an earlier report, so we are closing this one as a duplicate.";
    case "THIRD_PARTY":
      return `Thank you for your report. The problem lies in a third-party module that this project does not maintain. Please report it to its maintainers: ${thirdParty.name}${thirdParty.contact ? ` (${thirdParty.contact})` : ""}.`;
    default:
      return "This report has been withdrawn and is now closed. Thank you.";
  }
}

/** PATCH /api/v1/reports/{key}: workflow moves and field changes, with the version read. */
export async function updateReport(actor: Actor | null, key: string, raw: unknown) {
  authorize(actor, "reports.write");
  const input = parseInput(patchReportInput, raw);
  const now = new Date();
  const result = await db().$transaction(async (tx) => {
    const report = await loadForUpdate(tx, key);
    if (input.version !== report.version) throw await staleError(tx, report);

    const data: Prisma.ReportUncheckedUpdateInput = {};
    const events: Omit<Prisma.TimelineEventCreateManyInput, "reportId" | "actorType">[] = [];
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const note = (field: string, from: unknown, to: unknown) => {
      before[field] = from;
      after[field] = to;
    };

    if (input.title !== undefined && input.title !== report.title) {
      data.title = input.title;
      note("title", report.title, input.title);
      events.push({ kind: "title_changed", data: { from: report.title, to: input.title } });
    }

    let assigneeId = report.assigneeId;
    if (input.assignee !== undefined && input.assignee !== (report.assignee?.email ?? null)) {
      const user = input.assignee ? await teamMember(tx, input.assignee, "assignee") : null;
      assigneeId = user?.id ?? null;
      data.assigneeId = assigneeId;
      note("assignee", report.assignee?.email ?? null, user?.email ?? null);
      events.push({ kind: "assigned", data: { from: report.assignee?.name ?? null, to: user?.name ?? null } });
    }
    if (input.backup !== undefined && input.backup !== (report.backup?.email ?? null)) {
      const user = input.backup ? await teamMember(tx, input.backup, "backup") : null;
      data.backupId = user?.id ?? null;
      note("backup", report.backup?.email ?? null, user?.email ?? null);
      events.push({ kind: "backup_assigned", data: { from: report.backup?.name ?? null, to: user?.name ?? null } });
    }

    let severity = report.severity;
    if (input.cvssVector !== undefined && input.cvssVector !== report.cvssVector) {
      if (input.cvssVector) {
        const scored = scoreCvss(input.cvssVector);
        if (!scored.ok) throw new DomainError("bad_request", scored.reason, { fields: { cvssVector: scored.reason } });
        data.cvssVector = scored.vector;
        data.cvssScore = scored.score;
        if (input.severity === undefined) severity = scored.severity;
        note("cvss", report.cvssVector, scored.vector);
        events.push({ kind: "cvss_changed", data: { vector: scored.vector, score: scored.score } });
      } else {
        data.cvssVector = null;
        data.cvssScore = null;
        note("cvss", report.cvssVector, null);
        events.push({ kind: "cvss_changed", data: { vector: null } });
      }
    }
    if (input.severity !== undefined) severity = input.severity;
    if (severity !== report.severity) {
      data.severity = severity;
      note("severity", report.severity, severity);
      events.push({ kind: "severity_changed", data: { from: report.severity, to: severity } });
    }

    for (const field of ["cweIds", "labels"] as const) {
      const next = input[field];
      if (next !== undefined) {
        const unique = [...new Set(next)];
        if (unique.join("\n") !== report[field].join("\n")) {
          data[field] = unique;
          note(field, report[field], unique);
          events.push({ kind: field === "labels" ? "labels_changed" : "cwe_changed", data: { to: unique } });
        }
      }
    }
    if (input.checklist !== undefined) {
      const next = [...new Set(input.checklist)].sort();
      if (next.join() !== [...report.checklist].sort().join()) {
        data.checklist = next;
        note("checklist", report.checklist, next);
        events.push({ kind: "checklist_changed", data: { to: next } });
      }
    }
    for (const field of ["cveId", "ghsaId", "advisoryUrl"] as const) {
      const next = input[field];
      if (next !== undefined && next !== report[field]) {
        data[field] = next;
        note(field, report[field], next);
        events.push({ kind: "identifier_changed", data: { field, to: next } });
      }
    }

    let duplicateOfKey = report.duplicateOf?.key ?? null;
    if (input.duplicateOf !== undefined && input.duplicateOf !== duplicateOfKey) {
      if (input.duplicateOf) {
        const original = isReportKey(input.duplicateOf)
          ? await tx.report.findUnique({ where: { key: input.duplicateOf }, select: { id: true, key: true } })
          : null;
        if (!original || original.id === report.id) {
          throw new DomainError("bad_request", `${input.duplicateOf} is not another report.`, {
            fields: { duplicateOf: "Not another report's key" },
          });
        }
        data.duplicateOfId = original.id;
      } else {
        data.duplicateOfId = null;
      }
      note("duplicateOf", duplicateOfKey, input.duplicateOf);
      duplicateOfKey = input.duplicateOf;
    }
    let thirdParty = { name: report.thirdPartyName, contact: report.thirdPartyContact };
    if (input.thirdParty !== undefined) {
      thirdParty = { name: input.thirdParty?.name ?? null, contact: input.thirdParty?.contact || null };
      data.thirdPartyName = thirdParty.name;
      data.thirdPartyContact = thirdParty.contact;
      note("thirdParty", { name: report.thirdPartyName, contact: report.thirdPartyContact }, thirdParty);
    }

    if (input.waitingOnReporter !== undefined && input.waitingOnReporter !== report.waitingOnReporter) {
      data.waitingOnReporter = input.waitingOnReporter;
      if (input.waitingOnReporter) {
        data.waitingSince = now;
      } else {
        data.waitingSince = null;
        data.pausedSeconds = report.pausedSeconds + (await pausedFor(tx, report, now));
      }
      note("waitingOnReporter", report.waitingOnReporter, input.waitingOnReporter);
      events.push({ kind: input.waitingOnReporter ? "waiting_started" : "waiting_ended" });
    }

    const targetStatus = input.status ?? report.status;
    if (input.resolution !== undefined && input.resolution !== null && targetStatus !== "CLOSED") {
      throw new DomainError("bad_request", "A resolution is set only when closing the report.", {
        fields: { resolution: "Only when closing" },
      });
    }
    let notify: { text: string } | null = null;
    let acknowledge = false;
    if (input.status !== undefined && input.status !== report.status) {
      const resolution = input.resolution ?? (input.status === "CLOSED" ? null : report.resolution);
      const check = checkTransition(report.status, input.status, {
        hasHandler: !!assigneeId,
        severity,
        acknowledged: !!report.acknowledgedAt,
        resolution,
        duplicateOf: duplicateOfKey,
        thirdPartyName: thirdParty.name,
        // the release gate: the report's project's maintained lines in the version matrix
        ...(await gateFacts(tx, report.id, report.projectId)),
      });
      if (!check.ok) throw new DomainError("rule_violated", check.reason);
      const fx = check.effects;
      data.status = input.status;
      if (fx.acknowledge) {
        data.acknowledgedAt = now;
        data.lastUpdateAt = now;
        acknowledge = true;
      }
      if (fx.stampConfirmed && !report.confirmedAt) data.confirmedAt = now;
      if (fx.stampDisclosed) {
        data.disclosedAt = now;
        data.releasedAt = report.releasedAt ?? now;
      }
      if (fx.stampClosed) {
        data.closedAt = now;
        data.resolution = resolution;
      }
      if (fx.reopen) {
        data.closedAt = null;
        data.resolution = null;
      }
      if (fx.notifyReporter === "disclosed")
        notify = {
          text: "The fix for your report has been released and the vulnerability has been announced. Thank you for reporting it responsibly.",
        };
      if (fx.notifyReporter === "closed") notify = { text: closingText(resolution!, thirdParty) };
      note("status", report.status, input.status);
      if (fx.stampClosed) note("resolution", report.resolution, resolution);
      events.push({
        kind: "status_changed",
        data: {
          from: report.status,
          to: input.status,
          ...(fx.stampClosed ? { resolution, resolutionText: RESOLUTION_LABELS[resolution!] } : {}),
          ...(fx.backwards ? { backwards: true } : {}),
        },
      });
    }

    if (!Object.keys(data).length) return { report, changed: false, version: report.version };

    const updated = await tx.report.updateMany({
      where: { id: report.id, version: report.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw await staleError(tx, { ...report, version: report.version + 1 });

    const actorFields = {
      actorType: actor.kind === "user" ? ("USER" as const) : ("SYSTEM" as const),
      actorId: actorUserId(actor),
      actorLabel: actorLabel(actor),
    };
    await tx.timelineEvent.createMany({
      data: events.map((e) => ({
        ...e,
        reportId: report.id,
        at: now,
        visibility: "INTERNAL" as const,
        ...actorFields,
      })),
    });
    if (acknowledge) await sendAcknowledgment(tx, actor, report, now);
    if (notify) {
      const mail = templates.message({ key: report.key, title: report.title, body: notify.text });
      const messageId = await enqueueMail(tx, {
        reportId: report.id,
        key: report.key,
        template: input.status === "CLOSED" ? `closed_${(data.resolution as string).toLowerCase()}` : "disclosed",
        to: report.reporter.email,
        ...mail,
      });
      await tx.timelineEvent.create({
        data: {
          reportId: report.id,
          at: now,
          kind: "message",
          visibility: "REPORTER",
          ...actorFields,
          body: notify.text,
          messageId,
        },
      });
      await tx.report.update({
        where: { id: report.id },
        data: {
          lastUpdateAt: now,
          firstResponseAt: report.firstResponseAt ?? (report.acknowledgedAt ? now : undefined),
        },
      });
    }
    await audit(tx, actor, { action: "report.update", entityType: "report", entityId: report.id, before, after });
    return { report, changed: true, version: report.version + 1 };
  });
  if (result.changed) publishReportChange({ key, version: result.version });
  return result;
}

/** POST /api/v1/reports/{key}/messages: an internal note, or a message the reporter receives. */
export async function postMessage(actor: Actor | null, key: string, raw: unknown) {
  authorize(actor, "reports.write");
  if (
    typeof (raw as { body?: unknown })?.body === "string" &&
    Buffer.byteLength((raw as { body: string }).body, "utf8") > MAX_MESSAGE_BYTES
  ) {
    throw new DomainError("too_large", "A message may be at most 64 KB.", { fields: { body: "Over 64 KB" } });
  }
  const input = parseInput(messageInput, raw);
  const now = new Date();
  const toReporter = input.visibility === "reporter";
  const entry = await db().$transaction(async (tx) => {
    const report = await loadForUpdate(tx, key);
    let messageId: string | null = null;
    if (toReporter) {
      const mail = templates.message({ key: report.key, title: report.title, body: input.body });
      messageId = await enqueueMail(tx, {
        reportId: report.id,
        key: report.key,
        template: "message",
        to: report.reporter.email,
        ...mail,
      });
      await tx.report.update({
        where: { id: report.id },
        data: {
          lastUpdateAt: now,
          ...(report.acknowledgedAt && !report.firstResponseAt ? { firstResponseAt: now } : {}),
        },
      });
    }
    const event = await tx.timelineEvent.create({
      data: {
        reportId: report.id,
        at: now,
        kind: toReporter ? "message" : "note",
        visibility: toReporter ? "REPORTER" : "INTERNAL",
        actorType: actor.kind === "user" ? "USER" : "SYSTEM",
        actorId: actorUserId(actor),
        actorLabel: actorLabel(actor),
        body: input.body,
        messageId,
      },
    });
    await audit(tx, actor, {
      action: toReporter ? "report.message" : "report.note",
      entityType: "report",
      entityId: report.id,
      after: { eventId: event.id },
    });
    return {
      at: event.at.toISOString(),
      kind: event.kind,
      visibility: input.visibility,
      actor: actor.kind === "user" ? actor.user.name : actorLabel(actor),
      body: event.body,
      data: null,
    };
  });
  publishReportChange({ key });
  return entry;
}

/** POST /api/v1/status/{token}/messages: the reporter's reply on the status page. */
export async function postReporterMessage(token: string, raw: unknown, clientKey: string) {
  await enforceRateLimit("reply", clientKey);
  if (
    typeof (raw as { body?: unknown })?.body === "string" &&
    Buffer.byteLength((raw as { body: string }).body, "utf8") > MAX_MESSAGE_BYTES
  ) {
    throw new DomainError("too_large", "A message may be at most 64 KB.", { fields: { body: "Over 64 KB" } });
  }
  const input = parseInput(reporterMessageInput, raw);
  const now = new Date();
  const result = await db().$transaction(async (tx) => {
    const report = await reportForToken(tx, token);
    const event = await tx.timelineEvent.create({
      data: {
        reportId: report.id,
        at: now,
        kind: "message",
        visibility: "REPORTER",
        actorType: "REPORTER",
        actorLabel: report.reporter.name ?? report.reporter.email,
        body: input.body,
      },
    });
    await afterReporterAnswer(tx, report, now);
    await tx.auditLog.create({
      data: {
        actorLabel: `reporter ${report.reporter.email}`,
        action: "report.reply",
        entityType: "report",
        entityId: report.id,
        after: { eventId: event.id },
      },
    });
    return { key: report.key, message: { at: event.at.toISOString(), from: "you" as const, body: event.body ?? "" } };
  });
  publishReportChange({ key: result.key });
  return result.message;
}

/**
 * What follows a reporter's answer, by status page or by mail: a wait on the
 * reporter ends (the paused clocks run again) and the primary handler — the
 * admins when nobody is assigned — is told.
 */
export async function afterReporterAnswer(
  tx: Tx,
  report: {
    id: string;
    key: string;
    title: string;
    assigneeId: string | null;
    waitingOnReporter: boolean;
    waitingSince: Date | null;
    pausedSeconds: number;
    slaPolicyId: string | null;
    confirmedAt: Date | null;
  },
  now: Date,
): Promise<void> {
  if (report.waitingOnReporter) {
    const paused = await pausedFor(tx, report, now);
    // only if still waiting (another writer may have ended it), and relative to what is stored
    const ended = await tx.report.updateMany({
      where: { id: report.id, waitingOnReporter: true, waitingSince: report.waitingSince },
      data: {
        waitingOnReporter: false,
        waitingSince: null,
        pausedSeconds: { increment: paused },
        version: { increment: 1 },
      },
    });
    if (ended.count)
      await tx.timelineEvent.create({
        data: {
          reportId: report.id,
          at: now,
          kind: "waiting_ended",
          visibility: "INTERNAL",
          actorType: "SYSTEM",
          actorLabel: "system",
          data: { reason: "reporter replied" },
        },
      });
  }
  const assignee = report.assigneeId
    ? await tx.user.findUnique({ where: { id: report.assigneeId }, select: { email: true, disabled: true } })
    : null;
  const recipients =
    assignee && !assignee.disabled
      ? [assignee.email]
      : (await tx.user.findMany({ where: { role: "ADMIN", disabled: false }, select: { email: true } })).map(
          (u) => u.email,
        );
  for (const to of recipients) {
    await enqueueMail(tx, {
      reportId: report.id,
      template: "reply_notice",
      to,
      ...templates.replyNotice({ key: report.key, title: report.title, url: `${appUrl()}/reports/${report.key}` }),
    });
  }
}

async function reportForToken(tx: Tx, token: string) {
  const notFound = new DomainError(
    "not_found",
    "This status link is not valid. It may have been replaced by a newer one.",
  );
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw notFound;
  const hash = sha256Hex(token);
  const link = await tx.statusToken.findUnique({ where: { tokenHash: hash }, omit: { tokenHash: false } });
  if (!link || link.revokedAt || !hashesEqual(link.tokenHash, hash)) throw notFound;
  return tx.report.findUniqueOrThrow({ where: { id: link.reportId }, include: { reporter: true } });
}

/** The reporter chooses how to be credited in the advisory. */
export async function setCreditPreference(token: string, raw: unknown) {
  const input = parseInput(creditInput, raw);
  await db().$transaction(async (tx) => {
    const report = await reportForToken(tx, token);
    await tx.report.update({
      where: { id: report.id },
      data: { creditPreference: input.preference, creditName: input.name || null },
    });
    await tx.timelineEvent.create({
      data: {
        reportId: report.id,
        kind: "credit_changed",
        visibility: "INTERNAL",
        actorType: "REPORTER",
        actorLabel: report.reporter.name ?? report.reporter.email,
        data: { preference: input.preference, name: input.name || null },
      },
    });
    await tx.auditLog.create({
      data: {
        actorLabel: `reporter ${report.reporter.email}`,
        action: "report.credit",
        entityType: "report",
        entityId: report.id,
        after: input,
      },
    });
  });
}

/** Replaces a report's status link: every earlier link stops working, the new one is mailed and returned once. */
export async function reissueStatusLink(actor: Actor | null, key: string): Promise<{ statusUrl: string }> {
  authorize(actor, "reports.write");
  const token = newSecret();
  const now = new Date();
  await db().$transaction(async (tx) => {
    const report = await loadForUpdate(tx, key);
    await tx.statusToken.updateMany({ where: { reportId: report.id, revokedAt: null }, data: { revokedAt: now } });
    await tx.statusToken.create({
      data: { reportId: report.id, tokenHash: sha256Hex(token), createdById: actorUserId(actor) },
    });
    const link = statusUrl(token);
    await enqueueMail(tx, {
      reportId: report.id,
      key: report.key,
      template: "status_link",
      to: report.reporter.email,
      subject: `[${report.key}] A new link to follow your report`,
      text: `We replaced the private link to your report "${report.title}". The old link no longer works; use this one (keep it private):\n\n${link}`,
    });
    await tx.timelineEvent.create({
      data: {
        reportId: report.id,
        at: now,
        kind: "status_link_reissued",
        visibility: "INTERNAL",
        actorType: actor.kind === "user" ? "USER" : "SYSTEM",
        actorId: actorUserId(actor),
        actorLabel: actorLabel(actor),
      },
    });
    await audit(tx, actor, { action: "report.status_link", entityType: "report", entityId: report.id });
  });
  return { statusUrl: statusUrl(token) };
}
