import { z } from "zod";

import { MAX_BODY_BYTES, intakeInput } from "./reports";

/** POST /api/v1/inbound/email: the report the message went to (null if it could not be read). */
export const inboundResultSchema = z.object({
  key: z.string().nullable(),
  threaded: z.boolean(),
  duplicate: z.boolean().optional(),
  unparsed: z.boolean().optional(),
  retrying: z
    .boolean()
    .optional()
    .describe("kept, but processing failed: it is retried in the background (never send it again)"),
});
export type InboundResult = z.infer<typeof inboundResultSchema>;

/** Settings → Unparsed mail: a stored message that became no report (unreadable, or stuck after an error). */
export const unparsedMailSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  status: z
    .enum(["UNPARSED", "RECEIVED", "FAILED"])
    .describe("RECEIVED: stored, then processing failed (being retried); FAILED: retries gave up"),
  attempts: z.number().describe("failed processing attempts so far"),
  sizeBytes: z.number(),
  fromAddr: z.string().nullable(),
  subject: z.string().nullable(),
  error: z.string().nullable(),
});
export const unparsedListSchema = z.object({ items: z.array(unparsedMailSchema) });

/** POST /api/v1/inbound/{id}/report: an admin turns a stored message into a report by hand. */
export const mailToReportInput = z.object({
  title: intakeInput.shape.title,
  body: z.string().trim().max(MAX_BODY_BYTES).optional().describe("default: the message's text"),
  reporterEmail: intakeInput.shape.reporterEmail,
  reporterName: intakeInput.shape.reporterName,
  project: z.string().trim().max(64).optional().describe("a project slug; left out, the project is guessed"),
  notifyReporter: z.boolean().default(true).describe("send the reporter the receipt with their status link"),
});

/** GET /api/v1/inbound/mailbox: the IMAP intake's mailbox (IMAP_URL), as admins see it in Settings. */
export const mailboxStatusSchema = z.object({
  configured: z.boolean().describe("IMAP_URL is set"),
  mailbox: z.string().nullable().describe("user@host:port/folder (never the password)"),
  doneMailbox: z.string().describe("where a message is moved once it is in the database (IMAP_DONE_MAILBOX)"),
  pollSeconds: z.number().describe("IMAP_POLL_SECONDS: the check interval when the server offers no IDLE"),
  reading: z.boolean().describe("an instance holds the mailbox's lease right now"),
  connected: z.boolean(),
  idle: z.boolean().describe("the server offers IDLE: new mail is read as it arrives"),
  holder: z.string().nullable().describe("the instance that reads the mailbox (host, pid)"),
  connectedAt: z.string().nullable(),
  lastReadAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  taken: z.number().describe("messages taken in and moved to the done mailbox"),
  waiting: z.number().describe("messages left in the inbox at the last read (failed, retried with backoff)"),
  failures: z.number().describe("failed attempts at a message, in all"),
});
