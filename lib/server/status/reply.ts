import "server-only";

import { reporterMessageInput } from "@/lib/schemas/reports";
import { SYSTEM } from "@/lib/server/auth/actor";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { publishReportChange } from "@/lib/server/infra/live";
import { enforceRateLimit } from "@/lib/server/infra/rate-limit";
import { parseInput } from "@/lib/server/infra/validate";
import { mailTeam } from "@/lib/server/mail/team-mail";
import type { Upload } from "@/lib/server/reports/attachments";
import { saveAttachments } from "@/lib/server/reports/attachments";
import { refuseOversizedMessage } from "@/lib/server/reports/messages";
import { recordEvent } from "@/lib/server/reports/timeline";
import { pausedFor } from "@/lib/server/sla/policy";
import { auditByReporter, reportForToken, reporterActor } from "@/lib/server/status/token";

// The reporter's answers: a reply on the status page, and what follows any
// answer (also by mail, see lib/server/mail/inbound.ts).

/**
 * POST /api/v1/status/{token}/messages: the reporter's reply on the status page, with the files it
 * carries (read by uploadsFromForm, which refused too many or too large ones).
 */
export async function postReporterMessage(token: string, raw: unknown, clientKey: string, files: Upload[] = []) {
  await enforceRateLimit("reply", clientKey);
  refuseOversizedMessage(raw);
  const input = parseInput(reporterMessageInput, raw);
  const now = new Date();
  const result = await db().$transaction(async (tx) => {
    const report = await reportForToken(tx, token);
    const attachments = files.length ? await saveAttachments(tx, report.id, files) : [];
    const event = await recordEvent(tx, reporterActor(report), report.id, {
      at: now,
      kind: "message",
      visibility: "REPORTER",
      body: input.body,
      ...(attachments.length ? { data: { attachments } } : {}),
    });
    await afterReporterAnswer(tx, report, now, "status_page");
    await auditByReporter(tx, report.reporter.email, {
      action: "report.reply",
      reportId: report.id,
      after: { eventId: event.id },
    });
    return { key: report.key, message: { at: event.at.toISOString(), from: "you" as const, body: event.body ?? "" } };
  });
  publishReportChange({ key: result.key });
  return result.message;
}

/**
 * What follows a reporter's answer, by status page or by mail: a wait on the
 * reporter ends (the paused clocks run again) and the primary handler — the
 * new-report list while nobody is assigned — is told (never the reply's text).
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
    projectId: string | null;
  },
  now: Date,
  via: "status_page" | "email",
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
      await recordEvent(tx, SYSTEM, report.id, {
        at: now,
        kind: "waiting_ended",
        data: { reason: "reporter replied" },
      });
  }
  await mailTeam(tx, {
    event: { kind: "reply", primaryId: report.assigneeId },
    report,
    actorId: null,
    template: "team_reply",
    subject: "The reporter replied",
    what: `The reporter replied ${via === "email" ? "by e-mail" : "on the status page"}. Read the reply on the report page.`,
  });
}
