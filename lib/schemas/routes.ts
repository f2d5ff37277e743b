import { z } from "zod";

import type { Permission } from "@/lib/permissions";

import { passwordResetConfirm, passwordResetRequest, patchMeInput } from "./account";
import { mailToReportInput } from "./inbound";
import { affectedInput, linesInput, matrixQuery, overrideInput, projectInput, projectPatchInput } from "./projects";
import { intakeInput, listReportsQuery, messageInput, patchReportInput, reporterMessageInput } from "./reports";

// Every /api route, declared once: the route file wraps its handler with
// `withRole(routes.x, handler)`, which enforces `access`, and the OpenAPI
// document (lib/openapi.ts) is built from the same entries. The boundary
// check (scripts/check-boundaries.ts) verifies each route file uses the entry
// of its own method and path.

/**
 * Who may call a route: a permission, or "public" (anyone; the route does its
 * own checks, e.g. the inbound mail secret), or "token-link" (the reporter's
 * status-link token is the only credential).
 */
export type Access = Permission | "public" | "token-link";

export type Route = {
  method: "GET" | "POST" | "PUT" | "PATCH";
  path: string;
  access: Access;
  /** an internal helper of the web app, left out of the OpenAPI document */
  internal?: boolean;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * the success status and the name of its JSON schema in the OpenAPI components, or the content type of a
   * download (the bytes of a file: an attachment, a raw mail)
   */
  ok?: { status: number; schema: string } | { status: number; download: string } | { status: number; empty: true };
  /** the request body may also come as multipart/form-data (the body's fields, plus `files`) */
  multipart?: boolean;
  errors?: number[];
};

const route = <R extends Route>(r: R) => r;

export const routes = {
  health: route({
    method: "GET",
    path: "/api/health",
    access: "public",
    summary: "Liveness and database reachability",
    ok: { status: 200, schema: "Health" },
    errors: [503],
  }),
  submitReport: route({
    method: "POST",
    path: "/api/v1/reports",
    access: "public",
    summary: "Submit a report (public intake, rate limited)",
    body: intakeInput,
    multipart: true,
    ok: { status: 201, schema: "IntakeResult" },
    errors: [400, 413, 429],
  }),
  listReports: route({
    method: "GET",
    path: "/api/v1/reports",
    access: "reports.read",
    summary: "List reports with filters and cursor pages",
    query: listReportsQuery,
    ok: { status: 200, schema: "ReportList" },
    errors: [400, 401, 403],
  }),
  getReport: route({
    method: "GET",
    path: "/api/v1/reports/{key}",
    access: "reports.read",
    summary: "One report with SLA clocks, matrix row, timeline, duplicate links and possibly related reports",
    ok: { status: 200, schema: "Report" },
    errors: [401, 403, 404],
  }),
  patchReport: route({
    method: "PATCH",
    path: "/api/v1/reports/{key}",
    access: "reports.write",
    summary: "Move the report in the workflow or change its fields (send the version you read)",
    body: patchReportInput,
    ok: { status: 200, schema: "Report" },
    errors: [400, 401, 403, 404, 409, 422],
  }),
  postMessage: route({
    method: "POST",
    path: "/api/v1/reports/{key}/messages",
    access: "reports.write",
    summary: "An internal note, or a message to the reporter",
    body: messageInput,
    ok: { status: 201, schema: "TimelineEntry" },
    errors: [400, 401, 403, 404, 413],
  }),
  reissueStatusLink: route({
    method: "POST",
    path: "/api/v1/reports/{key}/status-link",
    access: "reports.write",
    summary: "Re-issue the reporter's status link (the old one stops working)",
    ok: { status: 201, schema: "StatusLink" },
    errors: [401, 403, 404],
  }),
  putAffected: route({
    method: "PUT",
    path: "/api/v1/reports/{key}/affected",
    access: "reports.write",
    summary: "Replace the report's OSV-style affected ranges",
    body: affectedInput,
    ok: { status: 200, schema: "Report" },
    errors: [400, 401, 403, 404, 409],
  }),
  putMatrixCell: route({
    method: "PUT",
    path: "/api/v1/reports/{key}/matrix/{line}",
    access: "reports.write",
    summary: "Override one matrix cell",
    body: overrideInput,
    ok: { status: 200, schema: "Report" },
    errors: [400, 401, 403, 404],
  }),
  listAttachments: route({
    method: "GET",
    path: "/api/v1/reports/{key}/attachments",
    access: "reports.read",
    summary: "The report's files (mailed in or uploaded); stored: false when over ATTACHMENT_MAX_BYTES",
    ok: { status: 200, schema: "AttachmentList" },
    errors: [401, 403, 404],
  }),
  downloadAttachment: route({
    method: "GET",
    path: "/api/v1/reports/{key}/attachments/{id}",
    access: "reports.read",
    summary:
      "A file's bytes, always as a download (application/octet-stream, Content-Disposition: attachment, a sandbox CSP)",
    ok: { status: 200, download: "application/octet-stream" },
    errors: [401, 403, 404],
  }),
  exportOsv: route({
    method: "GET",
    path: "/api/v1/reports/{key}/osv",
    access: "reports.read",
    summary: "The report as an OSV record",
    ok: { status: 200, schema: "Osv" },
    errors: [401, 403, 404],
  }),
  exportCve: route({
    method: "GET",
    path: "/api/v1/reports/{key}/cve",
    access: "reports.read",
    summary: "The CNA container of a CVE JSON 5 record, versions per release line",
    ok: { status: 200, schema: "Osv" },
    errors: [401, 403, 404],
  }),
  importOsv: route({
    method: "POST",
    path: "/api/v1/import/osv",
    access: "reports.write",
    summary: "Create or update a report from an OSV record",
    body: z.object({}).loose(),
    ok: { status: 201, schema: "ImportResult" },
    errors: [400, 401, 403, 422],
  }),
  getMatrix: route({
    method: "GET",
    path: "/api/v1/matrix",
    access: "reports.read",
    summary: "Release lines × open reports of a project (status, severity and state filters: comma-separated lists)",
    query: matrixQuery.extend({
      project: z.string(),
      status: z.string().optional(),
      severity: z.string().optional(),
      state: z.string().optional(),
    }),
    ok: { status: 200, schema: "Matrix" },
    errors: [400, 401, 403, 404],
  }),
  listProjects: route({
    method: "GET",
    path: "/api/v1/projects",
    access: "projects.read",
    summary: "Projects with their release lines",
    ok: { status: 200, schema: "Project" },
    errors: [401, 403],
  }),
  createProject: route({
    method: "POST",
    path: "/api/v1/projects",
    access: "projects.write",
    summary: "Create a project",
    body: projectInput,
    ok: { status: 201, schema: "Project" },
    errors: [400, 401, 403, 409],
  }),
  updateProject: route({
    method: "PATCH",
    path: "/api/v1/projects/{slug}",
    access: "projects.write",
    summary: "Rename a project, change its package or ecosystem, archive it or bring it back",
    body: projectPatchInput,
    ok: { status: 200, schema: "Project" },
    errors: [400, 401, 403, 404, 409],
  }),
  replaceLines: route({
    method: "PUT",
    path: "/api/v1/projects/{slug}/lines",
    access: "projects.write",
    summary: "Replace a project's release lines",
    body: linesInput,
    ok: { status: 200, schema: "Project" },
    errors: [400, 401, 403, 404],
  }),
  suggestLines: route({
    method: "GET",
    path: "/api/v1/projects/{slug}/suggested-lines",
    access: "projects.write",
    summary: "Release lines suggested from the npm registry (not saved)",
    ok: { status: 200, schema: "Project" },
    errors: [401, 403, 404, 422, 503],
  }),
  getBoard: route({
    method: "GET",
    path: "/api/v1/board",
    access: "reports.read",
    summary: "The board's columns, with the board's URL filters",
    ok: { status: 200, schema: "Board" },
    errors: [400, 401, 403],
  }),
  getStatus: route({
    method: "GET",
    path: "/api/v1/status/{token}",
    access: "token-link",
    summary: "The reporter's view of their report",
    ok: { status: 200, schema: "StatusView" },
    errors: [404, 429],
  }),
  postStatusMessage: route({
    method: "POST",
    path: "/api/v1/status/{token}/messages",
    access: "token-link",
    summary: "The reporter's reply",
    body: reporterMessageInput,
    ok: { status: 201, schema: "StatusView" },
    errors: [400, 404, 413, 429],
  }),
  inboundEmail: route({
    method: "POST",
    path: "/api/v1/inbound/email",
    access: "public",
    summary: "A raw RFC 822 message from the mail system (Authorization: Bearer INBOUND_EMAIL_SECRET)",
    ok: { status: 202, schema: "InboundResult" },
    errors: [400, 401, 413, 503],
  }),
  listUnparsedMail: route({
    method: "GET",
    path: "/api/v1/inbound/unparsed",
    access: "settings.manage",
    summary: "Stored mail that became no report: unreadable, or stuck after an error (newest 200)",
    ok: { status: 200, schema: "UnparsedMailList" },
    errors: [401, 403],
  }),
  rawInboundMail: route({
    method: "GET",
    path: "/api/v1/inbound/{id}/raw",
    access: "settings.manage",
    summary: "The raw message as it arrived, as an .eml download",
    ok: { status: 200, download: "message/rfc822" },
    errors: [401, 403, 404],
  }),
  reprocessInboundMail: route({
    method: "POST",
    path: "/api/v1/inbound/{id}/reprocess",
    access: "settings.manage",
    summary: "Run intake again on an unparsed or stuck message (the same stored row; nothing is copied)",
    ok: { status: 200, schema: "InboundResult" },
    errors: [401, 403, 404, 409],
  }),
  reportFromInboundMail: route({
    method: "POST",
    path: "/api/v1/inbound/{id}/report",
    access: "settings.manage",
    summary: "Make a report by hand from an unparsed or stuck message; its clocks run from when the mail arrived",
    body: mailToReportInput,
    ok: { status: 201, schema: "IntakeResult" },
    errors: [400, 401, 403, 404, 409],
  }),
  retryOutboxMail: route({
    method: "POST",
    path: "/api/v1/outbox/{id}/retry",
    access: "settings.manage",
    summary: "Send a failed mail again (FAILED → PENDING, attempts reset)",
    ok: { status: 200, schema: "OutboxMail" },
    errors: [401, 403, 404, 409],
  }),
  cancelOutboxMail: route({
    method: "POST",
    path: "/api/v1/outbox/{id}/cancel",
    access: "settings.manage",
    summary: "Stop a pending mail (PENDING → CANCELLED)",
    ok: { status: 200, schema: "OutboxMail" },
    errors: [401, 403, 404, 409],
  }),
  getMe: route({
    method: "GET",
    path: "/api/v1/me",
    access: "account.self",
    summary: "Your account: name, role and which team mails you get",
    ok: { status: 200, schema: "Me" },
    errors: [401, 403],
  }),
  patchMe: route({
    method: "PATCH",
    path: "/api/v1/me",
    access: "account.self",
    summary: "Change your name or which team mails you get (mail: {newReport, assigned, reply, sla}, each optional)",
    body: patchMeInput,
    ok: { status: 200, schema: "Me" },
    errors: [400, 401, 403],
  }),
  requestPasswordReset: route({
    method: "POST",
    path: "/api/v1/password-reset",
    access: "public",
    summary: "Mail a one-time reset link (valid 1 hour) if the address has an account; 202 either way (rate limited)",
    body: passwordResetRequest,
    ok: { status: 202, empty: true },
    errors: [400, 429],
  }),
  confirmPasswordReset: route({
    method: "POST",
    path: "/api/v1/password-reset/confirm",
    access: "public",
    summary:
      "Set a new password with a reset link's token; ends every session of the user. 400: not a valid link or a weak password; 410: expired or used",
    body: passwordResetConfirm,
    ok: { status: 204, empty: true },
    errors: [400, 410, 429],
  }),
  // internal helpers of the web app, not part of the public contract
  openApi: route({
    method: "GET",
    path: "/api/v1/openapi.json",
    access: "public",
    internal: true,
    summary: "The API described from the route schemas",
  }),
  events: route({
    method: "GET",
    path: "/api/v1/events",
    access: "reports.read",
    internal: true,
    summary: "Server-sent events: a report changed, or resync",
  }),
  matrixCsv: route({
    method: "GET",
    path: "/api/v1/matrix.csv",
    access: "reports.read",
    internal: true,
    summary: "The matrix as CSV",
  }),
  reportCard: route({
    method: "GET",
    path: "/api/v1/reports/{key}/card",
    access: "reports.read",
    internal: true,
    summary: "The report as a board card shows it",
  }),
} satisfies Record<string, Route>;
