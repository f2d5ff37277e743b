import { z } from "zod";

import { CLOCKS } from "@/lib/domain/sla";
import { RESOLUTIONS, SEVERITIES, STATUSES } from "@/lib/domain/workflow";

import { email } from "./users";

// Request and response shapes of the reports API. The OpenAPI document is
// generated from these, so they are the contract in code.

export const MAX_TITLE = 200;
export const MAX_BODY_BYTES = 256 * 1024;

export const intakeInput = z.object({
  title: z.string().trim().min(1, "Give the report a title").max(MAX_TITLE, `At most ${MAX_TITLE} characters`),
  body: z.string().trim().min(1, "Describe the vulnerability"),
  reporterEmail: email,
  reporterName: z.string().trim().max(100, "At most 100 characters").optional(),
  project: z.string().trim().max(64).optional(),
  reportedVersion: z.string().trim().max(100).optional(),
  creditPreference: z.enum(["NAME", "ANONYMOUS", "NONE"]).optional(),
  creditName: z.string().trim().max(100).optional(),
});
export type IntakeInput = z.input<typeof intakeInput>;

export const intakeResult = z.object({ key: z.string(), statusUrl: z.url() });

/** A comma-separated query parameter of enum values ("HIGH,CRITICAL"), matched without regard to case. */
export const csv = <T extends readonly [string, ...string[]]>(values: T, letterCase: "upper" | "lower" = "upper") =>
  z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((v) => (letterCase === "upper" ? v.trim().toUpperCase() : v.trim().toLowerCase()))
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));

/** A project's slug, or "none" for reports without a project (Unsorted). */
const projectFilter = z
  .string()
  .trim()
  .max(64)
  .describe('A project slug, or "none" for reports without a project (Unsorted)')
  .optional();

export const listReportsQuery = z.object({
  status: csv(STATUSES).optional(),
  severity: csv(SEVERITIES).optional(),
  project: projectFilter,
  /** an e-mail, "me" or "none" */
  assignee: z.string().trim().max(254).optional(),
  sla: z.enum(["ok", "at_risk", "breached", "met", "paused"]).optional(),
  label: z.string().trim().max(64).optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .describe("The key, words in title, body, messages and notes, a CVE or GHSA id or alias, or the reporter's e-mail")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListReportsQuery = z.input<typeof listReportsQuery>;

const iso = z.iso.datetime();

export const slaClock = z.object({
  clock: z.enum(CLOCKS),
  startedAt: iso.nullable(),
  dueAt: iso.nullable(),
  metAt: iso.nullable(),
  state: z.enum(["ok", "at_risk", "breached", "met", "paused"]),
});

export const matrixState = z.enum(["not_affected", "affected", "fixed", "fix_pending", "wont_fix", "unknown"]);

export const osvRange = z.object({
  introduced: z.string(),
  fixed: z.string().optional(),
  last_affected: z.string().optional(),
});

export const timelineEntry = z.object({
  at: iso,
  kind: z.string(),
  visibility: z.enum(["internal", "reporter"]),
  /** who acted: a team member (signed in or by API token), the reporter (status page or verified mail), or Embargo */
  actorType: z.enum(["team", "reporter", "system"]),
  actor: z.string(),
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const reportSchema = z.object({
  key: z.string(),
  title: z.string(),
  body: z.string(),
  status: z.enum(STATUSES),
  resolution: z.enum(RESOLUTIONS).nullable(),
  severity: z.enum(SEVERITIES).nullable(),
  cvss: z.object({ vector: z.string(), score: z.number().nullable() }).nullable(),
  project: z.object({ slug: z.string(), name: z.string() }).nullable(),
  assignee: z.object({ email: z.string(), name: z.string() }).nullable(),
  backup: z.object({ email: z.string(), name: z.string() }).nullable(),
  reporter: z.object({ email: z.string(), name: z.string().nullable() }),
  receivedAt: iso,
  acknowledgedAt: iso.nullable(),
  confirmedAt: iso.nullable(),
  disclosedAt: iso.nullable(),
  closedAt: iso.nullable(),
  waitingOnReporter: z.boolean(),
  labels: z.array(z.string()),
  cweIds: z.array(z.string()),
  cveId: z.string().nullable(),
  ghsaId: z.string().nullable(),
  advisoryUrl: z.string().nullable(),
  checklist: z.array(z.string()),
  version: z.number().int(),
  sla: z.array(slaClock),
  affected: z.array(z.object({ package: z.string(), ranges: z.array(osvRange) })),
  matrix: z.array(z.object({ line: z.string(), state: matrixState, version: z.string().nullable() })),
  timeline: z.array(timelineEntry),
  /** the original this report duplicates, and the reports marked as duplicates of this one */
  duplicateOf: z.object({ key: z.string(), title: z.string() }).nullable(),
  duplicates: z.array(z.object({ key: z.string(), title: z.string(), status: z.enum(STATUSES) })),
  /** up to five other reports ranked by full-text search over title and body ("Possibly related") */
  related: z.array(z.object({ key: z.string(), title: z.string(), status: z.enum(STATUSES) })),
});
export type ReportDto = z.infer<typeof reportSchema>;

export const reportSummarySchema = reportSchema
  .omit({
    body: true,
    timeline: true,
    affected: true,
    matrix: true,
    duplicateOf: true,
    duplicates: true,
    related: true,
  })
  .extend({
    affectedLines: z.array(z.object({ line: z.string(), state: z.enum(["affected", "fix_pending"]) })),
    /** the reporter wrote (status page or mail) since you last opened the report's page */
    unread: z.boolean(),
  });
export type ReportSummaryDto = z.infer<typeof reportSummarySchema>;

export const reportListSchema = z.object({ items: z.array(reportSummarySchema), nextCursor: z.string().nullable() });

export const statusViewSchema = z.object({
  key: z.string(),
  title: z.string(),
  project: z.string().nullable(),
  organisation: z.string(),
  stage: z.string(),
  stageText: z.string(),
  status: z.enum(STATUSES),
  receivedAt: iso,
  promises: z.array(
    z.object({
      clock: z.enum(CLOCKS),
      text: z.string(),
      dueAt: iso.nullable(),
      metAt: iso.nullable(),
      state: z.enum(["ok", "at_risk", "breached", "met", "paused"]),
      kept: z.boolean().nullable(),
    }),
  ),
  messages: z.array(z.object({ at: iso, from: z.enum(["team", "you"]), body: z.string() })),
  credit: z.object({ preference: z.enum(["NAME", "ANONYMOUS", "NONE"]), name: z.string().nullable() }),
  disclosure: z
    .object({ cve: z.string().nullable(), advisoryUrl: z.string().nullable(), fixedVersions: z.array(z.string()) })
    .nullable(),
});
export type StatusViewDto = z.infer<typeof statusViewSchema>;

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

export const MAX_MESSAGE_BYTES = 64 * 1024;

const nullableEmail = z.union([email, z.null()]);

export const patchReportInput = z
  .object({
    version: z.number({ message: "Send the version you read" }).int().positive(),
    status: z.enum(STATUSES).optional(),
    resolution: z.enum(RESOLUTIONS).nullable().optional(),
    assignee: nullableEmail.optional(),
    backup: nullableEmail.optional(),
    severity: z.enum(SEVERITIES).nullable().optional(),
    cvssVector: z.string().trim().max(200).nullable().optional(),
    cweIds: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^CWE-\d{1,5}$/, "Use the form CWE-79"),
      )
      .max(20)
      .optional(),
    labels: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    title: z.string().trim().min(1, "Give the report a title").max(MAX_TITLE).optional(),
    duplicateOf: z.string().trim().max(20).nullable().optional(),
    /** a project's slug; null leaves the report without one (Unsorted) */
    project: z
      .string()
      .trim()
      .min(1, "Name a project or send null")
      .max(64)
      .nullable()
      .describe("Move the report to this project (a slug), or null for none; the SLA promise made at receipt stays")
      .optional(),
    thirdParty: z
      .object({
        name: z.string().trim().min(1, "Name the maintainer").max(200),
        contact: z.string().trim().max(500).optional(),
      })
      .nullable()
      .optional(),
    waitingOnReporter: z.boolean().optional(),
    checklist: z
      .array(z.enum(["audited", "advisory"]))
      .max(2)
      .optional(),
    advisoryUrl: z
      .url({ protocol: /^https?$/, message: "Enter an http(s) URL" })
      .max(500)
      .nullable()
      .optional(),
    cveId: z
      .string()
      .trim()
      .regex(/^CVE-\d{4}-\d{4,}$/, "Use the form CVE-2026-12345")
      .nullable()
      .optional(),
    ghsaId: z
      .string()
      .trim()
      .regex(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/, "Use the form GHSA-xxxx-xxxx-xxxx")
      .nullable()
      .optional(),
  })
  .strict();
export type PatchReportInput = z.input<typeof patchReportInput>;

export const messageInput = z.object({
  body: z.string().trim().min(1, "Write a message"),
  visibility: z.enum(["internal", "reporter"], { message: 'Choose "internal" or "reporter"' }),
});
export type MessageInput = z.input<typeof messageInput>;

export const reporterMessageInput = z.object({ body: z.string().trim().min(1, "Write a message") });

export const boardQuery = z.object({
  project: projectFilter,
  assignee: z.string().trim().max(254).optional(),
  severity: csv(SEVERITIES).optional(),
  sla: z.enum(["at_risk", "breached"]).optional(),
  label: z.string().trim().max(64).optional(),
  q: z.string().trim().max(200).optional(),
});
export type BoardQuery = z.input<typeof boardQuery>;

export const boardSchema = z.object({
  columns: z.record(z.enum(STATUSES), z.object({ items: z.array(reportSummarySchema), total: z.number().int() })),
  atRisk: z.number().int(),
  breached: z.number().int(),
});
export type BoardDto = z.infer<typeof boardSchema>;

export const creditInput = z.object({
  preference: z.enum(["NAME", "ANONYMOUS", "NONE"], { message: "Choose how to be credited" }),
  name: z.string().trim().max(100, "At most 100 characters").optional(),
});
