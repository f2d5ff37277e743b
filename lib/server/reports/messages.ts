import "server-only";

import { DomainError } from "@/lib/errors";
import { MAX_MESSAGE_BYTES, messageInput } from "@/lib/schemas/reports";
import type { Actor } from "@/lib/server/auth/actor";
import { actorLabel, authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { publishReportChange } from "@/lib/server/infra/live";
import { parseInput } from "@/lib/server/infra/validate";
import { enqueueMail, templates } from "@/lib/server/mail/outbox";
import { getReportOrThrow } from "@/lib/server/reports/get-report-or-throw";
import { recordEvent } from "@/lib/server/reports/timeline";

// The team's messages on a report: internal notes, and messages mailed to the reporter.

/** Refuses a message body over 64 KB before parsing it (the parse would trim and copy it). */
export function refuseOversizedMessage(raw: unknown): void {
  const body = (raw as { body?: unknown } | null | undefined)?.body;
  if (typeof body === "string" && Buffer.byteLength(body, "utf8") > MAX_MESSAGE_BYTES) {
    throw new DomainError("too_large", "A message may be at most 64 KB.", { fields: { body: "Over 64 KB" } });
  }
}

/** Mails a message to the reporter under `template`; returns its Message-ID for the timeline entry. */
export async function mailReporter(
  tx: Tx,
  report: { id: string; key: string; title: string; reporter: { email: string } },
  template: string,
  body: string,
): Promise<string> {
  return enqueueMail(tx, {
    reportId: report.id,
    key: report.key,
    template,
    to: report.reporter.email,
    ...templates.message({ key: report.key, title: report.title, body }),
  });
}

/** POST /api/v1/reports/{key}/messages: an internal note, or a message the reporter receives. */
export async function postMessage(actor: Actor | null, key: string, raw: unknown) {
  authorize(actor, "reports.write");
  refuseOversizedMessage(raw);
  const input = parseInput(messageInput, raw);
  const now = new Date();
  const toReporter = input.visibility === "reporter";
  const entry = await db().$transaction(async (tx) => {
    const report = await getReportOrThrow(tx, key, { include: { reporter: true } });
    let messageId: string | null = null;
    if (toReporter) {
      messageId = await mailReporter(tx, report, "message", input.body);
      await tx.report.update({
        where: { id: report.id },
        data: {
          lastUpdateAt: now,
          ...(report.acknowledgedAt && !report.firstResponseAt ? { firstResponseAt: now } : {}),
        },
      });
    }
    const event = await recordEvent(tx, actor, report.id, {
      at: now,
      kind: toReporter ? "message" : "note",
      visibility: toReporter ? "REPORTER" : "INTERNAL",
      body: input.body,
      messageId,
    });
    await audit(tx, actor, {
      action: toReporter ? "report.message" : "report.note",
      entityType: "report",
      entityId: report.id,
      after: { eventId: event.id },
    });
    return {
      at: event.at.toISOString(),
      kind: event.kind,
      visibility: input.visibility,
      actor: actor.kind === "user" ? actor.user.name : actorLabel(actor),
      body: event.body,
      data: null,
    };
  });
  publishReportChange({ key });
  return entry;
}
