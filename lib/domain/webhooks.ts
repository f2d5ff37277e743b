// Outbound webhooks: which events exist, what a payload carries (never a
// report's text: key, title, project, status and a link), which events a
// report change raises, and which URLs an endpoint may have. Pure rules; the
// signing, the queue and the network are in lib/server/webhooks.

export const WEBHOOK_EVENTS = [
  "report.created",
  "report.status_changed",
  "report.assigned",
  "sla.at_risk",
  "sla.breached",
  "report.disclosed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Sent by "Send test event" only; an endpoint receives it whatever it subscribed to. */
export const TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "report.created": "A report arrived",
  "report.status_changed": "A report changed status",
  "report.assigned": "A report's primary or backup handler changed",
  "sla.at_risk": "A promise of the policy is at risk",
  "sla.breached": "A promise of the policy was broken",
  "report.disclosed": "A report was disclosed",
};

/** What a payload says of a report. */
export type WebhookReport = {
  key: string;
  title: string;
  status: string;
  project: string | null;
  severity?: string | null;
};

export type WebhookPayload = {
  type: string;
  timestamp: string;
  data: WebhookReport & { url: string } & Record<string, unknown>;
};

/** The body posted for one event (the Standard Webhooks shape: type, timestamp, data). */
export function webhookPayload(
  type: string,
  report: WebhookReport,
  appUrl: string,
  at: Date,
  extra: Record<string, unknown> = {},
): WebhookPayload {
  return {
    type,
    timestamp: at.toISOString(),
    data: {
      key: report.key,
      title: report.title,
      project: report.project,
      status: report.status,
      ...(report.severity !== undefined ? { severity: report.severity } : {}),
      url: `${appUrl}/reports/${report.key}`,
      ...extra,
    },
  };
}

/** The events a report update raises, from what it changed. */
export function eventsOfUpdate(
  before: { status: string },
  changes: { status?: string; assigneeId?: string | null; backupId?: string | null },
): { type: WebhookEvent; extra: Record<string, unknown> }[] {
  const out: { type: WebhookEvent; extra: Record<string, unknown> }[] = [];
  if (changes.status !== undefined && changes.status !== before.status) {
    out.push({ type: "report.status_changed", extra: { previousStatus: before.status } });
    if (changes.status === "DISCLOSED") out.push({ type: "report.disclosed", extra: {} });
  }
  if (changes.assigneeId !== undefined || changes.backupId !== undefined)
    out.push({ type: "report.assigned", extra: {} });
  return out;
}

/** Why an endpoint URL is refused, or null: http(s) only, no user or password in it, at most 2,000 characters. */
export function webhookUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Give a full URL, e.g. https://hooks.example.org/embargo.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "Only http:// and https:// URLs can receive webhooks.";
  if (url.username || url.password) return "Put no user or password in the URL: verify the signature instead.";
  if (value.length > 2000) return "The URL is too long (2,000 characters at most).";
  return null;
}

/** Attempts before a delivery is FAILED, and the wait before attempt n+1: 30 s doubling, at most 6 h. */
export const WEBHOOK_MAX_ATTEMPTS = 10;
export const webhookBackoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
