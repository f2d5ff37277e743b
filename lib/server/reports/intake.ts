import "server-only";

import { formatReportKey } from "@/lib/domain/report-key";
import { sourceText } from "@/lib/domain/team-mail";
import { DomainError } from "@/lib/errors";
import { MAX_BODY_BYTES, intakeInput } from "@/lib/schemas/reports";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { newRowId, reportBodyData } from "@/lib/server/infra/sealed";
import { parseInput } from "@/lib/server/infra/validate";
import { enqueueMail, templates } from "@/lib/server/mail/outbox";
import { mailTeam } from "@/lib/server/mail/team-mail";
import type { Upload } from "@/lib/server/reports/attachments";
import { saveAttachments } from "@/lib/server/reports/attachments";
import type { GuessSource } from "@/lib/server/reports/project-guess";
import { guessReportProject } from "@/lib/server/reports/project-guess";
import { recordEvent } from "@/lib/server/reports/timeline";
import { policyInForce } from "@/lib/server/sla/policy";
import { auditByReporter, createStatusToken, statusUrl } from "@/lib/server/status/token";
import { emitWebhook, webhookReport } from "@/lib/server/webhooks/emit";

// Intake: a new report from the web form, the API, an email or an import.

async function nextKey(tx: Tx, year: number): Promise<{ key: string; seq: number }> {
  // One atomic upsert: concurrent intakes serialise on the year's row.
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReportSequence" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "ReportSequence"."last" + 1
    RETURNING "last"`;
  const seq = Number(rows[0]!.last);
  return { key: formatReportKey(year, seq), seq };
}

type NewReport = {
  title: string;
  body: string;
  reporterEmail: string;
  reporterName?: string | null;
  projectId: string | null;
  reportedVersion?: string | null;
  creditPreference?: "NAME" | "ANONYMOUS" | "NONE";
  creditName?: string | null;
  source: "WEB" | "API" | "EMAIL" | "IMPORT";
  needsFullReport?: boolean;
  /** the inbound Message-ID our "received" mail answers */
  inReplyTo?: string | null;
  /** false for imported advisories, which have no reporter to write to */
  notify?: boolean;
  /** without a project: guess it from these (the addresses it was mailed to, subject and body) */
  guess?: GuessSource;
  /** the team member who created it (an OSV import): not mailed about their own report */
  actorId?: string | null;
  /** when it arrived, if not now (a mail made into a report by hand later): the clocks run from then */
  receivedAt?: Date;
  /** files uploaded with the report (web form, API multipart): stored, and named in the "received" entry */
  files?: Upload[];
};

/** Creates the reporter (or reuses them), the report in NEW, its status link and the receipt mail, inside `tx`. */
export async function createReport(tx: Tx, input: NewReport): Promise<{ id: string; key: string; token: string }> {
  const reporter = await tx.reporter.upsert({
    where: { email: input.reporterEmail },
    create: {
      email: input.reporterEmail,
      name: input.reporterName || null,
      creditPreference: input.creditPreference ?? "NAME",
      creditName: input.creditName || null,
    },
    // anyone can submit with anyone's address: never rename an existing reporter
    update: {},
  });
  const guessed = !input.projectId && input.guess ? await guessReportProject(tx, input.guess) : null;
  const projectId = input.projectId ?? guessed?.projectId ?? null;
  // the promise made at receipt: the policy of the project the report arrives in
  const policy = await policyInForce(tx, projectId);
  const now = input.receivedAt ?? new Date();
  const { key, seq } = await nextKey(tx, now.getUTCFullYear());
  const id = newRowId();
  const report = await tx.report.create({
    data: {
      id,
      key,
      year: now.getUTCFullYear(),
      seq,
      title: input.title,
      ...(await reportBodyData(tx, id, input.body)),
      source: input.source,
      reportedVersion: input.reportedVersion || null,
      needsFullReport: input.needsFullReport ?? false,
      creditPreference: input.creditPreference ?? "NAME",
      creditName: input.creditName || input.reporterName || null,
      projectId,
      reporterId: reporter.id,
      slaPolicyId: policy?.id ?? null,
      receivedAt: now,
    },
  });
  const token = await createStatusToken(tx, report.id);
  if (input.notify !== false) {
    await enqueueMail(tx, {
      reportId: report.id,
      key,
      template: "received",
      to: reporter.email,
      inReplyTo: input.inReplyTo,
      ...templates.received({ key, title: input.title, link: statusUrl(token) }),
    });
  }
  const from = { kind: "reporter" as const, label: input.reporterName || reporter.name || reporter.email };
  const attachments = input.files?.length ? await saveAttachments(tx, report.id, input.files) : [];
  await recordEvent(tx, from, report.id, {
    kind: "received",
    visibility: "REPORTER",
    at: now,
    data: { source: input.source, ...(attachments.length ? { attachments } : {}) },
  });
  if (guessed) {
    const { slug, name, from: readFrom } = guessed.guess;
    await recordEvent(tx, { kind: "system", label: "Intake" }, report.id, {
      kind: "project_guessed",
      at: now,
      data: { project: slug, name, from: readFrom },
    });
  }
  await mailTeam(tx, {
    event: { kind: "newReport" },
    report: { id: report.id, key, title: input.title, projectId },
    actorId: input.actorId ?? null,
    template: "team_new_report",
    subject: "New report",
    what: `A new report arrived ${sourceText(input.source)}. It waits for acknowledgment.`,
  });
  const project = projectId ? await tx.project.findUnique({ where: { id: projectId }, select: { slug: true } }) : null;
  await emitWebhook(tx, "report.created", webhookReport({ ...report, project }), now);
  await auditByReporter(tx, reporter.email, {
    action: "report.create",
    reportId: report.id,
    after: { key, source: input.source },
  });
  return { id: report.id, key, token };
}

/**
 * Public intake (web form and API): validates, then creates the report in one
 * transaction. `files` were read by uploadsFromForm, which refused too many or
 * too large ones before anything is written.
 */
export async function submitReport(
  raw: unknown,
  opts: { source?: "WEB" | "API"; files?: Upload[] } = {},
): Promise<{ key: string; statusUrl: string; token: string }> {
  const input = parseInput(intakeInput, raw);
  if (Buffer.byteLength(input.body, "utf8") > MAX_BODY_BYTES) {
    throw new DomainError("too_large", `The description is over ${MAX_BODY_BYTES / 1024} KB.`, {
      fields: { body: "Too large" },
    });
  }
  const { key, token } = await db().$transaction(async (tx) => {
    const project = input.project
      ? await tx.project.findFirst({
          where: { OR: [{ slug: input.project }, { packageName: input.project }] },
          select: { id: true },
        })
      : null;
    if (input.project && !project) {
      throw new DomainError("bad_request", `Unknown project "${input.project}".`, {
        fields: { project: "Unknown project" },
      });
    }
    return createReport(tx, {
      ...input,
      projectId: project?.id ?? null,
      source: opts.source ?? "WEB",
      files: opts.files,
      guess: { recipients: [], subject: input.title, body: input.body },
    });
  });
  return { key, statusUrl: statusUrl(token), token };
}
