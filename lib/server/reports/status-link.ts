import "server-only";

import type { Actor } from "@/lib/server/auth/actor";
import { actorUserId, authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { getReportOrThrow } from "@/lib/server/reports/get-report-or-throw";
import { recordEvent } from "@/lib/server/reports/timeline";
import { createStatusToken, statusUrl } from "@/lib/server/status/token";

/**
 * Replaces a report's status link: every earlier link stops working and the new one is mailed to the reporter.
 * The handler learns only that it was sent (to whom): a link in their hands would let them answer as the reporter.
 */
export async function reissueStatusLink(actor: Actor | null, key: string): Promise<{ sent: true; to: string }> {
  authorize(actor, "reports.write");
  const now = new Date();
  return db().$transaction(async (tx) => {
    const report = await getReportOrThrow(tx, key, { include: { reporter: true } });
    await tx.statusToken.updateMany({ where: { reportId: report.id, revokedAt: null }, data: { revokedAt: now } });
    const token = await createStatusToken(tx, report.id, actorUserId(actor));
    await enqueueMail(tx, {
      reportId: report.id,
      key: report.key,
      template: "status_link",
      to: report.reporter.email,
      subject: `[${report.key}] A new link to follow your report`,
      text: `We replaced the private link to your report "${report.title}". The old link no longer works; use this one (keep it private):\n\n${statusUrl(token)}`,
    });
    await recordEvent(tx, actor, report.id, { at: now, kind: "status_link_reissued" });
    await audit(tx, actor, { action: "report.status_link", entityType: "report", entityId: report.id });
    return { sent: true as const, to: report.reporter.email };
  });
}
