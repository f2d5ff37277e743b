import { z } from "zod";

import { inboundResultSchema } from "@/lib/schemas/inbound";
import {
  affectedInput,
  linesInput,
  matrixQuery,
  matrixSchema,
  overrideInput,
  projectInput,
} from "@/lib/schemas/projects";
import {
  boardSchema,
  errorSchema,
  intakeInput,
  intakeResult,
  listReportsQuery,
  messageInput,
  patchReportInput,
  reportListSchema,
  reportSchema,
  reporterMessageInput,
  statusViewSchema,
  timelineEntry,
} from "@/lib/schemas/reports";

// The OpenAPI document, generated from the same zod schemas the routes
// validate with, so the two cannot drift apart.

type Op = {
  method: "get" | "post" | "put" | "patch";
  path: string;
  summary: string;
  auth: "public" | "team" | "handler" | "admin" | "token-link";
  query?: z.ZodObject;
  body?: z.ZodType;
  ok: { status: number; schema: string };
  errors: number[];
};

const SCHEMAS = {
  Report: reportSchema,
  ReportList: reportListSchema,
  IntakeInput: intakeInput,
  IntakeResult: intakeResult,
  StatusView: statusViewSchema,
  Error: errorSchema,
  Health: z.object({ ok: z.boolean(), db: z.enum(["ok", "unreachable"]), database: z.enum(["embedded", "postgres"]) }),
  TimelineEntry: timelineEntry,
  Board: boardSchema,
  InboundResult: inboundResultSchema,
  ImportResult: z.object({ key: z.string(), created: z.boolean() }),
  StatusLink: z.object({ statusUrl: z.string() }),
  Matrix: matrixSchema,
  Project: z.object({
    slug: z.string(),
    name: z.string(),
    packageName: z.string().nullable(),
    repositoryUrl: z.string().nullable(),
    openReports: z.number(),
    lines: z.array(z.object({}).loose()),
  }),
  Osv: z.object({ id: z.string(), modified: z.string() }).loose(),
} as const;

const OPERATIONS: Op[] = [
  {
    method: "get",
    path: "/api/health",
    summary: "Liveness and database reachability",
    auth: "public",
    ok: { status: 200, schema: "Health" },
    errors: [503],
  },
  {
    method: "post",
    path: "/api/v1/reports",
    summary: "Submit a report (public intake, rate limited)",
    auth: "public",
    body: intakeInput,
    ok: { status: 201, schema: "IntakeResult" },
    errors: [400, 413, 429],
  },
  {
    method: "get",
    path: "/api/v1/reports",
    summary: "List reports with filters and cursor pages",
    auth: "team",
    query: listReportsQuery,
    ok: { status: 200, schema: "ReportList" },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/api/v1/reports/{key}",
    summary: "One report with SLA clocks, matrix row and timeline",
    auth: "team",
    ok: { status: 200, schema: "Report" },
    errors: [401, 403, 404],
  },
  {
    method: "patch",
    path: "/api/v1/reports/{key}",
    summary: "Move the report in the workflow or change its fields (send the version you read)",
    auth: "handler",
    body: patchReportInput,
    ok: { status: 200, schema: "Report" },
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: "post",
    path: "/api/v1/reports/{key}/messages",
    summary: "An internal note, or a message to the reporter",
    auth: "handler",
    body: messageInput,
    ok: { status: 201, schema: "TimelineEntry" },
    errors: [400, 401, 403, 404, 413],
  },
  {
    method: "post",
    path: "/api/v1/reports/{key}/status-link",
    summary: "Re-issue the reporter's status link (the old one stops working)",
    auth: "handler",
    ok: { status: 201, schema: "StatusLink" },
    errors: [401, 403, 404],
  },
  {
    method: "put",
    path: "/api/v1/reports/{key}/affected",
    summary: "Replace the report's OSV-style affected ranges",
    auth: "handler",
    body: affectedInput,
    ok: { status: 200, schema: "Report" },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "put",
    path: "/api/v1/reports/{key}/matrix/{line}",
    summary: "Override one matrix cell",
    auth: "handler",
    body: overrideInput,
    ok: { status: 200, schema: "Report" },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/reports/{key}/osv",
    summary: "The report as an OSV record",
    auth: "team",
    ok: { status: 200, schema: "Osv" },
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/reports/{key}/cve",
    summary: "The CNA container of a CVE JSON 5 record, versions per release line",
    auth: "team",
    ok: { status: 200, schema: "Osv" },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/import/osv",
    summary: "Create or update a report from an OSV record",
    auth: "handler",
    body: z.object({}).loose(),
    ok: { status: 201, schema: "ImportResult" },
    errors: [400, 401, 403, 422],
  },
  {
    method: "get",
    path: "/api/v1/matrix",
    summary: "Release lines × open reports of a project (status, severity and state filters: comma-separated lists)",
    auth: "team",
    query: matrixQuery.extend({
      project: z.string(),
      status: z.string().optional(),
      severity: z.string().optional(),
      state: z.string().optional(),
    }),
    ok: { status: 200, schema: "Matrix" },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/projects",
    summary: "Projects with their release lines",
    auth: "team",
    ok: { status: 200, schema: "Project" },
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/api/v1/projects",
    summary: "Create a project",
    auth: "admin",
    body: projectInput,
    ok: { status: 201, schema: "Project" },
    errors: [400, 401, 403, 409],
  },
  {
    method: "put",
    path: "/api/v1/projects/{slug}/lines",
    summary: "Replace a project's release lines",
    auth: "admin",
    body: linesInput,
    ok: { status: 200, schema: "Project" },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/projects/{slug}/suggested-lines",
    summary: "Release lines suggested from the npm registry (not saved)",
    auth: "admin",
    ok: { status: 200, schema: "Project" },
    errors: [401, 403, 404, 422, 503],
  },
  {
    method: "get",
    path: "/api/v1/board",
    summary: "The board's columns, with the board's URL filters",
    auth: "team",
    ok: { status: 200, schema: "Board" },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/api/v1/status/{token}",
    summary: "The reporter's view of their report",
    auth: "token-link",
    ok: { status: 200, schema: "StatusView" },
    errors: [404, 429],
  },
  {
    method: "post",
    path: "/api/v1/status/{token}/messages",
    summary: "The reporter's reply",
    auth: "token-link",
    body: reporterMessageInput,
    ok: { status: 201, schema: "StatusView" },
    errors: [400, 404, 413, 429],
  },
  {
    method: "post",
    path: "/api/v1/inbound/email",
    summary: "A raw RFC 822 message from the mail system (Authorization: Bearer INBOUND_EMAIL_SECRET)",
    auth: "public",
    ok: { status: 202, schema: "InboundResult" },
    errors: [400, 401, 413, 503],
  },
];

const STATUS_TEXT: Record<number, string> = {
  400: "Bad input",
  401: "No identity",
  403: "Not allowed",
  404: "Unknown or not yours",
  409: "Stale version or duplicate",
  413: "Too large",
  422: "Rule violated",
  429: "Rate limited",
  503: "Database unavailable",
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function parameters(op: Op) {
  const params: object[] = [];
  for (const match of op.path.matchAll(/\{(\w+)\}/g))
    params.push({ name: match[1], in: "path", required: true, schema: { type: "string" } });
  if (op.query) {
    for (const [name, schema] of Object.entries(op.query.shape)) {
      params.push({
        name,
        in: "query",
        required: false,
        schema: z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }),
      });
    }
  }
  return params;
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      security: op.auth === "public" || op.auth === "token-link" ? [] : [{ bearer: [] }, { session: [] }],
      "x-required-role": op.auth,
      parameters: parameters(op),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }) },
              },
            },
          }
        : {}),
      responses: {
        [op.ok.status]: { description: "OK", content: { "application/json": { schema: ref(op.ok.schema) } } },
        ...Object.fromEntries(
          op.errors.map((s) => [
            s,
            { description: STATUS_TEXT[s], content: { "application/json": { schema: ref("Error") } } },
          ]),
        ),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Embargo API",
      version: "1",
      description: "Vulnerability intake, triage and disclosure. Errors are {error: {code, message, fields?}}.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token created by an admin (Settings → API tokens or `npm run embargo -- token create`).",
        },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: Object.fromEntries(
        Object.entries(SCHEMAS).map(([name, schema]) => [
          name,
          z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }),
        ]),
      ),
    },
  };
}
