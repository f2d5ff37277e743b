// Who on the team is mailed about what, and what the mail says. Pure: the
// caller loads the members and the report, and writes the planned mails to
// the outbox in the transaction of the change.
//
// - a new report → every admin and handler who has new-report mail on;
// - an assignment → whoever became primary or backup by it;
// - a reporter's reply → the primary handler, or the new-report list while
//   nobody (active) is primary;
// - an SLA alert → the primary and the backup, or the admins while nobody
//   (active) is assigned.
// Nobody is mailed about their own action, a disabled member never, and each
// kind can be switched off per person (/account).

export const TEAM_MAIL_KINDS = ["newReport", "assigned", "reply", "sla"] as const;
export type TeamMailKind = (typeof TEAM_MAIL_KINDS)[number];
export type TeamMailPrefs = Record<TeamMailKind, boolean>;

export const TEAM_MAIL_LABELS: Record<TeamMailKind, { label: string; hint: string }> = {
  newReport: { label: "New reports", hint: "Every report that arrives (admins and handlers)" },
  assigned: { label: "Assignments", hint: "When you become a report's primary or backup handler" },
  reply: {
    label: "Reporter replies",
    hint: "When the reporter of a report you lead answers (every admin and handler while nobody leads it)",
  },
  sla: { label: "SLA alerts", hint: "When a clock of a report you handle is at risk or late" },
};

export type TeamMember = {
  id: string;
  email: string;
  role: "ADMIN" | "HANDLER" | "VIEWER";
  disabled: boolean;
  prefs: TeamMailPrefs;
};

export type TeamEvent =
  | { kind: "newReport" }
  | {
      kind: "assigned";
      before: { primaryId: string | null; backupId: string | null };
      after: { primaryId: string | null; backupId: string | null };
    }
  | { kind: "reply"; primaryId: string | null }
  | { kind: "sla"; primaryId: string | null; backupId: string | null };

export type TeamRecipient = { id: string; email: string; why: string };

const WHY = {
  newReport: "you are an admin or handler and new-report mail is on",
  primary: "you are now the primary handler of this report",
  backup: "you are now the backup handler of this report",
  replyPrimary: "you are the primary handler of this report",
  replyUnassigned: "nobody leads this report yet and you get new-report mail",
  slaPrimary: "you are the primary handler of this report",
  slaBackup: "you are the backup handler of this report",
  slaAdmin: "nobody is assigned to this report and you are an admin",
};

/** The members to mail about `event`, each once, with the reason the mail gives. */
export function planTeamMail(event: TeamEvent, members: TeamMember[], actorId: string | null): TeamRecipient[] {
  const active = members.filter((m) => !m.disabled);
  const byId = (id: string | null) => (id ? active.find((m) => m.id === id) : undefined);
  const newReportList = active.filter((m) => (m.role === "ADMIN" || m.role === "HANDLER") && m.prefs.newReport);
  let picked: { member: TeamMember; why: string }[] = [];

  switch (event.kind) {
    case "newReport":
      picked = newReportList.map((member) => ({ member, why: WHY.newReport }));
      break;
    case "assigned": {
      const primary = event.after.primaryId !== event.before.primaryId ? byId(event.after.primaryId) : undefined;
      const backup = event.after.backupId !== event.before.backupId ? byId(event.after.backupId) : undefined;
      if (primary) picked.push({ member: primary, why: WHY.primary });
      if (backup) picked.push({ member: backup, why: WHY.backup });
      break;
    }
    case "reply": {
      const primary = byId(event.primaryId);
      picked = primary
        ? [{ member: primary, why: WHY.replyPrimary }]
        : newReportList.map((member) => ({ member, why: WHY.replyUnassigned }));
      break;
    }
    case "sla": {
      const primary = byId(event.primaryId);
      const backup = byId(event.backupId);
      if (primary) picked.push({ member: primary, why: WHY.slaPrimary });
      if (backup) picked.push({ member: backup, why: WHY.slaBackup });
      if (!primary && !backup)
        picked = active.filter((m) => m.role === "ADMIN").map((member) => ({ member, why: WHY.slaAdmin }));
      break;
    }
  }

  const seen = new Set<string>();
  return picked
    .filter(({ member }) => member.prefs[event.kind] && member.id !== actorId)
    .filter(({ member }) => !seen.has(member.id) && !!seen.add(member.id))
    .map(({ member, why }) => ({ id: member.id, email: member.email, why }));
}

export type TeamMailReport = { key: string; title: string; project: string | null };

/**
 * One team mail: key, title, project, what happened, the link to the report
 * page and why this person got it — never the report's body or a message's text.
 */
export function teamMailText(p: {
  report: TeamMailReport;
  subject: string;
  what: string;
  why: string;
  reportUrl: string;
  accountUrl: string;
}): { subject: string; text: string } {
  const text = [
    p.what,
    "",
    `Report:  ${p.report.key}`,
    `Title:   ${p.report.title}`,
    `Project: ${p.report.project ?? "none yet (Unsorted)"}`,
    "",
    `Open the report: ${p.reportUrl}`,
    "",
    "--",
    `You get this mail because ${p.why}.`,
    `Choose which team mails you get: ${p.accountUrl}`,
  ].join("\n");
  return { subject: `[${p.report.key}] ${p.subject}: ${p.report.title}`, text };
}

/** "by e-mail", "through the web form", … for a report's source. */
export function sourceText(source: "WEB" | "API" | "EMAIL" | "IMPORT"): string {
  return {
    WEB: "through the web form",
    API: "through the API",
    EMAIL: "by e-mail",
    IMPORT: "from an OSV import",
  }[source];
}
