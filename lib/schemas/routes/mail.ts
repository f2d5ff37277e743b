import { mailToReportInput } from "../inbound";
import { type Route, route } from "../route";

export const mailRoutes = {
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
} satisfies Record<string, Route>;
