import { z } from "zod";

import { errorSchema, intakeInput, intakeResult, listReportsQuery, reportListSchema, reportSchema, statusViewSchema } from "@/lib/server/reports.schema";

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
} as const;

const OPERATIONS: Op[] = [
  { method: "get", path: "/api/health", summary: "Liveness and database reachability", auth: "public", ok: { status: 200, schema: "Health" }, errors: [503] },
  { method: "post", path: "/api/v1/reports", summary: "Submit a report (public intake, rate limited)", auth: "public", body: intakeInput, ok: { status: 201, schema: "IntakeResult" }, errors: [400, 413, 429] },
  { method: "get", path: "/api/v1/reports", summary: "List reports with filters and cursor pages", auth: "team", query: listReportsQuery, ok: { status: 200, schema: "ReportList" }, errors: [400, 401, 403] },
  { method: "get", path: "/api/v1/reports/{key}", summary: "One report with SLA clocks, matrix row and timeline", auth: "team", ok: { status: 200, schema: "Report" }, errors: [401, 403, 404] },
  { method: "get", path: "/api/v1/status/{token}", summary: "The reporter's view of their report", auth: "token-link", ok: { status: 200, schema: "StatusView" }, errors: [404, 429] },
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
  for (const match of op.path.matchAll(/\{(\w+)\}/g)) params.push({ name: match[1], in: "path", required: true, schema: { type: "string" } });
  if (op.query) {
    for (const [name, schema] of Object.entries(op.query.shape)) {
      params.push({ name, in: "query", required: false, schema: z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }) });
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
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }) } } } } : {}),
      responses: {
        [op.ok.status]: { description: "OK", content: { "application/json": { schema: ref(op.ok.schema) } } },
        ...Object.fromEntries(op.errors.map((s) => [s, { description: STATUS_TEXT[s], content: { "application/json": { schema: ref("Error") } } }])),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Embargo API", version: "1", description: "Vulnerability intake, triage and disclosure. Errors are {error: {code, message, fields?}}." },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token created by an admin (Settings → API tokens or `npm run embargo -- token create`)." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: "output", unrepresentable: "any" })])),
    },
  };
}
