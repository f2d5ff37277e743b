import { z } from "zod";

import { parseImapUrl } from "@/lib/domain/imap-url";

const isImapUrl = (v: string) => {
  try {
    return !!parseImapUrl(v);
  } catch {
    return false;
  }
};

// Every environment variable Embargo reads, parsed once. Read through env()
// (not at import time) so `next build` never needs a runtime setting.
const schema = z.object({
  // PostgreSQL connection string; when absent the embedded PGlite database is used.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  // Folder of the embedded database (ignored when DATABASE_URL is set).
  DATA_DIR: z.string().min(1).default("./.data"),
  // Port the server listens on; also the default public URL's port.
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Public base URL, used in status links and e-mails.
  APP_URL: z.url().optional(),
  // Signs session cookies; when absent, the one kept in the key file (or derived from ENCRYPTION_KEY) is used.
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  // Encryption at rest: base64 32-byte keys, comma-separated, the first seals (else the key file below is used).
  ENCRYPTION_KEY: z.string().min(1).optional(),
  // The key file made on first start (mode 0600); default `<DATA_DIR>.key`, beside the data folder, never in it.
  KEY_FILE: z.string().min(1).optional(),
  // First admin, created on start when no user exists yet.
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  // A session unused for this long ends (minutes; fractions allowed, which the end-to-end tests use).
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(480),
  // A session ends this long after its sign-in, however active (hours; fractions allowed).
  SESSION_MAX_HOURS: z.coerce.number().positive().default(72),
  // Trust X-Forwarded-For from a reverse proxy when picking the client address.
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  // Name shown to reporters on status pages and in mail.
  ORG_NAME: z.string().min(1).default("Embargo"),
  // Requests per minute one client address may make to public intake routes.
  INTAKE_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  // Outbound mail: smtp://user:pass@host:587 (or smtps://). Without it mail waits in the outbox.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  // From address of outbound mail.
  MAIL_FROM: z.string().min(3).default("Embargo <security@localhost>"),
  // Shared secret the mail system sends as a bearer token to POST /api/v1/inbound/email.
  INBOUND_EMAIL_SECRET: z.string().min(16, "use at least 16 characters").optional(),
  // Inbound mails parsed at once per process; more wait (up to 30 s), then get 503.
  INBOUND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // The security@ mailbox to read over IMAP: imaps://user:pass@host:993/INBOX (imap:// for a local server).
  IMAP_URL: z
    .string()
    .refine(isImapUrl, "must be imaps://user:password@host[:port]/FOLDER (or imap:// for a local server)")
    .optional(),
  // Seconds between checks of a mailbox whose server offers no IDLE (with IDLE, new mail is read at once).
  IMAP_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  // Folder a message is moved to once it is safely in the database (created when missing).
  IMAP_DONE_MAILBOX: z.string().min(1).max(200).default("Embargo"),
  // The address reports are mailed to; replies to our mail go to its +SEC-… tagged form.
  INBOUND_ADDRESS: z.email().optional(),
  // Attachments larger than this are recorded (name, type, size, hash) without their bytes.
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(5 * 1024 * 1024),
  // Where "Suggest lines from npm" reads package documents.
  NPM_REGISTRY_URL: z.url().default("https://registry.npmjs.org"),
  // Let webhooks reach loopback, private and link-local addresses (a receiver inside your own network).
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  // Background workers (outbox delivery, SLA alerts, inbound retry, the IMAP reader); "false" to run none in this process,
  // "outbox" for outbox delivery only.
  WORKERS: z
    .enum(["true", "false", "1", "0", "outbox"])
    .default("true")
    .transform((v) => ({ outbox: v !== "false" && v !== "0", others: v === "true" || v === "1" })),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  parsed = result.data;
  return parsed;
}

/** The public base URL without a trailing slash. */
export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}
