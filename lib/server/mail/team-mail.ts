import "server-only";

import type { TeamEvent, TeamMember, TeamMailKind } from "@/lib/domain/team-mail";
import { planTeamMail, teamMailText } from "@/lib/domain/team-mail";
import { appUrl } from "@/lib/env";
import type { Tx } from "@/lib/server/infra/db";
import { enqueueMail } from "@/lib/server/mail/outbox";

// Team mail (lib/domain/team-mail.ts plans who and what): written to the
// outbox in the caller's transaction, so it goes out exactly when the change
// it tells of is committed, and once even with several instances.

const memberSelect = {
  id: true,
  email: true,
  role: true,
  disabled: true,
  mailNewReport: true,
  mailAssigned: true,
  mailReply: true,
  mailSla: true,
} as const;

type MemberRow = {
  id: string;
  email: string;
  role: TeamMember["role"];
  disabled: boolean;
  mailNewReport: boolean;
  mailAssigned: boolean;
  mailReply: boolean;
  mailSla: boolean;
};

export function prefsOf(row: Omit<MemberRow, "id" | "email" | "role" | "disabled">): Record<TeamMailKind, boolean> {
  return { newReport: row.mailNewReport, assigned: row.mailAssigned, reply: row.mailReply, sla: row.mailSla };
}

/** Those a plan may pick: the active team (a small table; read once per change). */
async function loadTeam(tx: Tx): Promise<TeamMember[]> {
  const rows: MemberRow[] = await tx.user.findMany({ where: { disabled: false }, select: memberSelect });
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, disabled: r.disabled, prefs: prefsOf(r) }));
}

/**
 * Plans and enqueues the team mail for one change of one report. `subject`
 * is a few words ("New report"); `what` the sentence that tells what happened.
 * Returns the addresses mailed.
 */
export async function mailTeam(
  tx: Tx,
  p: {
    event: TeamEvent;
    report: { id: string; key: string; title: string; projectId: string | null };
    actorId: string | null;
    subject: string;
    what: string;
    template: string;
  },
): Promise<string[]> {
  const recipients = planTeamMail(p.event, await loadTeam(tx), p.actorId);
  if (!recipients.length) return [];
  const project = p.report.projectId
    ? await tx.project.findUnique({ where: { id: p.report.projectId }, select: { name: true, slug: true } })
    : null;
  const base = appUrl();
  for (const r of recipients) {
    await enqueueMail(tx, {
      reportId: p.report.id,
      template: p.template,
      to: r.email,
      ...teamMailText({
        report: {
          key: p.report.key,
          title: p.report.title,
          project: project ? `${project.name} (${project.slug})` : null,
        },
        subject: p.subject,
        what: p.what,
        why: r.why,
        reportUrl: `${base}/reports/${p.report.key}`,
        accountUrl: `${base}/account`,
      }),
    });
  }
  return recipients.map((r) => r.email);
}
