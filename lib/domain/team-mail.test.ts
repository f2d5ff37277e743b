import { describe, expect, it } from "vitest";

import type { TeamEvent, TeamMember, TeamMailPrefs } from "./team-mail";
import { planTeamMail, teamMailText } from "./team-mail";

const ALL_ON: TeamMailPrefs = { newReport: true, assigned: true, reply: true, sla: true };

function member(id: string, role: TeamMember["role"], extra: Partial<TeamMember> & { off?: string[] } = {}) {
  const prefs = { ...ALL_ON };
  for (const kind of extra.off ?? []) prefs[kind as keyof TeamMailPrefs] = false;
  return { id, email: `${id}@example.com`, role, disabled: extra.disabled ?? false, prefs };
}

const team: TeamMember[] = [
  member("ada", "ADMIN"),
  member("hana", "HANDLER"),
  member("luis", "HANDLER", { off: ["newReport"] }),
  member("otto", "HANDLER", { disabled: true }),
  member("vera", "VIEWER"),
  member("quiet", "HANDLER", { off: ["newReport", "assigned", "reply", "sla"] }),
];

const none = { primaryId: null, backupId: null };

describe("planTeamMail", () => {
  it.each<[string, TeamEvent, string | null, string[]]>([
    // new report: admins and handlers with new-report mail on; never viewers, disabled or the actor
    ["new report", { kind: "newReport" }, null, ["ada", "hana"]],
    ["new report imported by hana", { kind: "newReport" }, "hana", ["ada"]],
    // assignment: whoever became primary or backup
    [
      "assign primary",
      { kind: "assigned", before: none, after: { primaryId: "luis", backupId: null } },
      "ada",
      ["luis"],
    ],
    [
      "assign both",
      { kind: "assigned", before: none, after: { primaryId: "hana", backupId: "luis" } },
      "ada",
      ["hana", "luis"],
    ],
    [
      "only the backup changed",
      {
        kind: "assigned",
        before: { primaryId: "hana", backupId: null },
        after: { primaryId: "hana", backupId: "luis" },
      },
      "ada",
      ["luis"],
    ],
    [
      "assigning yourself mails nobody",
      { kind: "assigned", before: none, after: { primaryId: "hana", backupId: null } },
      "hana",
      [],
    ],
    [
      "unassigning mails nobody",
      { kind: "assigned", before: { primaryId: "hana", backupId: null }, after: none },
      "ada",
      [],
    ],
    [
      "assigned with the kind switched off",
      { kind: "assigned", before: none, after: { primaryId: "quiet", backupId: null } },
      "ada",
      [],
    ],
    [
      "a disabled member is never mailed",
      { kind: "assigned", before: none, after: { primaryId: "otto", backupId: null } },
      "ada",
      [],
    ],
    // reporter reply: the primary, or the new-report list while nobody (active) leads
    ["reply to an assigned report", { kind: "reply", primaryId: "luis" }, null, ["luis"]],
    ["reply while unassigned", { kind: "reply", primaryId: null }, null, ["ada", "hana"]],
    ["reply while the primary is disabled", { kind: "reply", primaryId: "otto" }, null, ["ada", "hana"]],
    ["reply to a primary who switched it off", { kind: "reply", primaryId: "quiet" }, null, []],
    // SLA alerts: primary and backup, the admins while nobody is assigned
    ["sla with both", { kind: "sla", primaryId: "hana", backupId: "luis" }, null, ["hana", "luis"]],
    ["sla with the same person twice", { kind: "sla", primaryId: "hana", backupId: "hana" }, null, ["hana"]],
    ["sla unassigned", { kind: "sla", primaryId: null, backupId: null }, null, ["ada"]],
    ["sla, backup only", { kind: "sla", primaryId: "otto", backupId: "luis" }, null, ["luis"]],
  ])("%s", (_name, event, actorId, expected) => {
    expect(planTeamMail(event, team, actorId).map((r) => r.id)).toEqual(expected);
  });

  it("says why each person gets the mail", () => {
    const [primary, backup] = planTeamMail(
      { kind: "assigned", before: none, after: { primaryId: "hana", backupId: "luis" } },
      team,
      null,
    );
    expect(primary).toEqual({
      id: "hana",
      email: "hana@example.com",
      why: "you are now the primary handler of this report",
    });
    expect(backup!.why).toBe("you are now the backup handler of this report");
  });
});

describe("teamMailText", () => {
  it("carries key, title, project, what happened, the link and the reason, nothing else", () => {
    const mail = teamMailText({
      report: { key: "SEC-2026-0042", title: "Path traversal", project: null },
      subject: "New report",
      what: "A new report arrived by e-mail.",
      why: "you are an admin or handler and new-report mail is on",
      reportUrl: "https://sec.example.org/reports/SEC-2026-0042",
      accountUrl: "https://sec.example.org/account",
    });
    expect(mail.subject).toBe("[SEC-2026-0042] New report: Path traversal");
    expect(mail.text).toBe(
      [
        "A new report arrived by e-mail.",
        "",
        "Report:  SEC-2026-0042",
        "Title:   Path traversal",
        "Project: none yet (Unsorted)",
        "",
        "Open the report: https://sec.example.org/reports/SEC-2026-0042",
        "",
        "--",
        "You get this mail because you are an admin or handler and new-report mail is on.",
        "Choose which team mails you get: https://sec.example.org/account",
      ].join("\n"),
    );
  });
});
