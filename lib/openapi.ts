import { z } from "zod";

import { MAX_UPLOAD_FILES } from "@/lib/domain/attachments";
import type { Role } from "@/lib/permissions";
import { PERMISSIONS } from "@/lib/permissions";
import { meSchema } from "@/lib/schemas/account";
import { attachmentListSchema } from "@/lib/schemas/attachments";
import { inboundResultSchema, mailboxStatusSchema, unparsedListSchema } from "@/lib/schemas/inbound";
import { outboxMailSchema } from "@/lib/schemas/outbox";
import { matrixSchema, projectSchema } from "@/lib/schemas/projects";
import {
  boardSchema,
  errorSchema,
  intakeInput,
  intakeResult,
  reportListSchema,
  reportSchema,
  statusViewSchema,
  timelineEntry,
} from "@/lib/schemas/reports";
import type { Access, Route } from "@/lib/schemas/routes";
import { routes } from "@/lib/schemas/routes";
import { setupResultSchema } from "@/lib/schemas/users";
import {
  webhookCreatedSchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
} from "@/lib/schemas/webhooks";

// The OpenAPI document, generated from the route table (lib/schemas/routes.ts)
// and the zod schemas the use cases validate with, so none of them can drift apart.

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
  UnparsedMailList: unparsedListSchema,
  MailboxStatus: mailboxStatusSchema,
  OutboxMail: outboxMailSchema,
  ImportResult: z.object({ key: z.string(), created: z.boolean() }),
  StatusLink: z.object({ sent: z.literal(true), to: z.string() }),
  Matrix: matrixSchema,
  Project: projectSchema,
  Osv: z.object({ id: z.string(), modified: z.string() }).loose(),
  AttachmentList: attachmentListSchema,
  Me: meSchema,
  SetupResult: setupResultSchema,
  WebhookList: webhookListSchema,
  WebhookCreated: webhookCreatedSchema,
  WebhookDelivery: webhookDeliverySchema,
  WebhookDeliveryList: webhookDeliveryListSchema,
} as const;

const STATUS_TEXT: Record<number, string> = {
  400: "Bad input",
  401: "No identity",
  403: "Not allowed",
  404: "Unknown or not yours",
  409: "Stale version or duplicate",
  410: "Expired or already used",
  413: "Too large",
  422: "Rule violated",
  429: "Rate limited",
  503: "Database unavailable",
};

/** The least role a route's access takes, as the document names it. */
function requiredRole(access: Access): "public" | "token-link" | "team" | "handler" | "admin" {
  if (access === "public" || access === "token-link") return access;
  const roles: readonly Role[] = PERMISSIONS[access];
  return roles.includes("VIEWER") ? "team" : roles.includes("HANDLER") ? "handler" : "admin";
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function parameters(op: Route) {
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

const DOWNLOAD_HEADERS = {
  "Content-Disposition": {
    description: "attachment; filename=\"<ASCII fallback>\"; filename*=UTF-8''<RFC 5987-encoded name>",
    schema: { type: "string" },
  },
  "Content-Security-Policy": { description: "sandbox; default-src 'none'", schema: { type: "string" } },
  "X-Content-Type-Options": { description: "nosniff", schema: { type: "string" } },
};

/** JSON, and for routes that take files also multipart/form-data: the same fields plus `files` (repeated). */
function requestBody(op: Route, body: z.ZodType) {
  const schema = z.toJSONSchema(body, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
  };
  const multipart = op.multipart
    ? {
        "multipart/form-data": {
          schema: {
            ...schema,
            properties: {
              ...schema.properties,
              files: {
                type: "array",
                items: { type: "string", format: "binary" },
                maxItems: MAX_UPLOAD_FILES,
                description: "Attachments: each at most ATTACHMENT_MAX_BYTES (5 MB by default); more is a 413",
              },
            },
          },
          encoding: { files: { contentType: "application/octet-stream" } },
        },
      }
    : {};
  return { required: true, content: { "application/json": { schema }, ...multipart } };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of Object.values(routes) as Route[]) {
    if (op.internal || !op.ok) continue;
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = {
      summary: op.summary,
      security: op.access === "public" || op.access === "token-link" ? [] : [{ bearer: [] }, { session: [] }],
      "x-required-role": requiredRole(op.access),
      parameters: parameters(op),
      ...(op.body ? { requestBody: requestBody(op, op.body) } : {}),
      responses: {
        [op.ok.status]:
          "empty" in op.ok
            ? { description: "OK, no content" }
            : "download" in op.ok
              ? {
                  description: "The file's bytes, as a download",
                  headers: DOWNLOAD_HEADERS,
                  content: { [op.ok.download]: { schema: { type: "string", format: "binary" } } },
                }
              : { description: "OK", content: { "application/json": { schema: ref(op.ok.schema) } } },
        ...Object.fromEntries(
          (op.errors ?? []).map((s) => [
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
