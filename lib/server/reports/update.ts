import "server-only";

import type { PlannedMail } from "@/lib/domain/report-update";
import { planReportUpdate } from "@/lib/domain/report-update";
import type { ReportBeforeUpdate, ReportPatch, UpdateFacts } from "@/lib/domain/report-update-input";
import { updateFactsNeeded } from "@/lib/domain/report-update-input";
import { eventsOfUpdate } from "@/lib/domain/webhooks";
import { DomainError } from "@/lib/errors";
import { formatRelative } from "@/lib/format";
import { patchReportInput } from "@/lib/schemas/reports";
import type { Actor } from "@/lib/server/auth/actor";
import { actorUserId, authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { publishReportChange } from "@/lib/server/infra/live";
import { parseInput } from "@/lib/server/infra/validate";
import { NEEDS_FULL_REPORT, enqueueMail, templates } from "@/lib/server/mail/outbox";
import { mailTeam } from "@/lib/server/mail/team-mail";
import { gateFacts } from "@/lib/server/matrix/matrix";
import { getReportOrThrow } from "@/lib/server/reports/get-report-or-throw";
import { mailReporter } from "@/lib/server/reports/messages";
import { recordEvent, recordEvents } from "@/lib/server/reports/timeline";
import { pausedFor } from "@/lib/server/sla/policy";
import { createStatusToken, statusUrl } from "@/lib/server/status/token";
import { emitWebhook, webhookReport } from "@/lib/server/webhooks/emit";

// PATCH /api/v1/reports/{key}: the rules are lib/domain/report-update.ts's
// plan; this file loads what the plan needs, writes it in one transaction
// (with optimistic concurrency on the version) and tells open boards.

const person = { select: { id: true, email: true, name: true } } as const;
const updateInclude = {
  assignee: person,
  backup: person,
  duplicateOf: { select: { key: true } },
  project: { select: { slug: true } },
  reporter: true,
};
const moveProjectSelect = {
  id: true,
  slug: true,
  name: true,
  packageName: true,
  lines: { select: { id: true } },
} as const;

type LoadedReport = ReportBeforeUpdate & {
  key: string;
  title: string;
  version: number;
  needsFullReport: boolean;
  projectId: string | null;
  slaPolicyId: string | null;
  waitingSince: Date | null;
  reporter: { email: string };
};

/** PATCH /api/v1/reports/{key}: workflow moves and field changes, with the version read. */
export async function updateReport(actor: Actor | null, key: string, raw: unknown) {
  authorize(actor, "reports.write");
  const input = parseInput(patchReportInput, raw);
  const now = new Date();
  const result = await db().$transaction(async (tx) => {
    const report = await getReportOrThrow(tx, key, { include: updateInclude });
    if (input.version !== report.version) throw await staleError(tx, report);
    const plan = planReportUpdate(report, input, await loadFacts(tx, report, input, now), now);
    if (!Object.keys(plan.changes).length) return { report, changed: false, version: report.version };

    const updated = await tx.report.updateMany({
      where: { id: report.id, version: report.version },
      data: { ...plan.changes, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw await staleError(tx, { ...report, version: report.version + 1 });
    if (plan.move) {
      // the old project's package ranges and line overrides go; the timeline event keeps what they were
      await tx.affectedRange.deleteMany({ where: { reportId: report.id, id: { in: plan.move.removeRangeIds } } });
      await tx.matrixOverride.deleteMany({ where: { reportId: report.id, id: { in: plan.move.removeOverrideIds } } });
    }
    await recordEvents(
      tx,
      actor,
      report.id,
      plan.events.map((e) => ({ ...e, at: now })),
    );
    for (const mail of plan.mails) await sendMail(tx, actor, report, mail, now);
    if ("assigneeId" in plan.changes || "backupId" in plan.changes)
      await mailAssignment(tx, actor, report, plan.changes);
    const original = plan.changes.duplicateOfId;
    if (original) {
      // the link shows both ways: the original's timeline names its new duplicate
      await recordEvent(tx, actor, original, { at: now, kind: "duplicate_added", data: { key: report.key } });
    }
    await audit(tx, actor, { action: "report.update", entityType: "report", entityId: report.id, ...plan.audit });
    await emitUpdateWebhooks(tx, report, plan.changes, now);
    return { report, changed: true, version: report.version + 1 };
  });
  if (result.changed) publishReportChange({ key, version: result.version });
  return result;
}

/** The webhook events the change raises (status, disclosure, handlers), with the report as it is now. */
async function emitUpdateWebhooks(tx: Tx, report: LoadedReport, changes: Record<string, unknown>, now: Date) {
  const events = eventsOfUpdate(report, changes);
  if (!events.length) return;
  const after = await tx.report.findUniqueOrThrow({
    where: { id: report.id },
    select: { key: true, title: true, status: true, severity: true, project: { select: { slug: true } } },
  });
  for (const e of events) await emitWebhook(tx, e.type, webhookReport(after), now, e.extra);
}

/** Looks up what the patch names (users, the duplicate's original), the release gate and the paused time. */
async function loadFacts(tx: Tx, report: LoadedReport, patch: ReportPatch, now: Date): Promise<UpdateFacts> {
  const needed = updateFactsNeeded(report, patch);
  const member = (email: string | null) =>
    email
      ? tx.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, role: true, disabled: true },
        })
      : undefined;
  const move = needed.move ? await moveFacts(tx, report, patch.project ?? null) : undefined;
  const projectId = move ? (move.to?.id ?? null) : report.projectId;
  return {
    move,
    projectsExist: needed.gate ? (await tx.project.count()) > 0 : undefined,
    assignee: await member(needed.assignee),
    backup: await member(needed.backup),
    duplicateTarget: needed.duplicateTarget
      ? await tx.report.findUnique({ where: { key: needed.duplicateTarget }, select: { id: true, key: true } })
      : undefined,
    // the release gate: the report's project's maintained lines in the version matrix
    ...(needed.gate ? await gateFacts(tx, report.id, projectId) : {}),
    pausedSeconds: needed.pausedTime ? await pausedFor(tx, report, now) : 0,
  };
}

/** The projects a move goes from and to (to: null when the slug names none) and what the report holds. */
async function moveFacts(tx: Tx, report: LoadedReport, slug: string | null): Promise<NonNullable<UpdateFacts["move"]>> {
  const asMove = (p: {
    id: string;
    slug: string;
    name: string;
    packageName: string | null;
    lines: { id: string }[];
  }) => ({
    ...p,
    lineIds: p.lines.map((l) => l.id),
  });
  const [from, to, affected, overrides] = await Promise.all([
    report.projectId ? tx.project.findUnique({ where: { id: report.projectId }, select: moveProjectSelect }) : null,
    slug ? tx.project.findUnique({ where: { slug }, select: moveProjectSelect }) : null,
    tx.affectedRange.findMany({ where: { reportId: report.id }, select: { id: true, package: true, events: true } }),
    tx.matrixOverride.findMany({ where: { reportId: report.id }, select: { id: true, lineId: true, lineName: true } }),
  ]);
  return { from: from ? asMove(from) : null, to: to ? asMove(to) : null, report: { affected, overrides } };
}

/** Tells whoever became primary or backup (lib/domain/team-mail.ts decides who). */
async function mailAssignment(
  tx: Tx,
  actor: Actor,
  report: LoadedReport & { backupId: string | null },
  changes: { assigneeId?: string | null; backupId?: string | null; projectId?: string | null },
) {
  const after = {
    primaryId: changes.assigneeId === undefined ? report.assigneeId : changes.assigneeId,
    backupId: changes.backupId === undefined ? report.backupId : changes.backupId,
  };
  const who = actor.kind === "user" ? actor.user.name : actor.label;
  await mailTeam(tx, {
    event: { kind: "assigned", before: { primaryId: report.assigneeId, backupId: report.backupId }, after },
    report: { ...report, projectId: changes.projectId === undefined ? report.projectId : changes.projectId },
    actorId: actorUserId(actor),
    template: "team_assigned",
    subject: "Assigned to you",
    what: `${who} changed who handles this report.`,
  });
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
    { fields: { version: `current version is ${report.version}` } },
  );
}

/** Sends a planned mail and records it on the timeline; the acknowledgment carries a status link if none went out. */
async function sendMail(tx: Tx, actor: Actor, report: LoadedReport, mail: PlannedMail, at: Date) {
  if (mail.template !== "acknowledgment") {
    const messageId = await mailReporter(tx, report, mail.template, mail.text);
    await recordEvent(tx, actor, report.id, {
      at,
      kind: "message",
      visibility: "REPORTER",
      body: mail.text,
      messageId,
    });
    return;
  }
  const linkSent = await tx.outboundMail.count({
    where: { reportId: report.id, template: { in: ["received", "acknowledgment"] } },
  });
  const link = linkSent ? null : statusUrl(await createStatusToken(tx, report.id, actorUserId(actor)));
  const messageId = await enqueueMail(tx, {
    reportId: report.id,
    key: report.key,
    template: "acknowledgment",
    to: report.reporter.email,
    ...templates.acknowledgment({
      key: report.key,
      title: report.title,
      link,
      body: mail.text,
      needsFullReport: report.needsFullReport,
    }),
  });
  const body = report.needsFullReport ? `${mail.text}\n\n${NEEDS_FULL_REPORT}` : mail.text;
  await recordEvent(tx, actor, report.id, { at, kind: "acknowledgment", visibility: "REPORTER", body, messageId });
}
