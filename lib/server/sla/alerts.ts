import "server-only";

import { computeClocks } from "@/lib/domain/sla";
import { CLOCK_NAMES_TEXT } from "@/lib/domain/sla-text";
import { OPEN_STATUSES } from "@/lib/domain/workflow";
import { formatInstant } from "@/lib/format";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { mailTeam } from "@/lib/server/mail/team-mail";
import { recordEvent } from "@/lib/server/reports/timeline";
import { emitWebhook, webhookReport } from "@/lib/server/webhooks/emit";

import { policyNumbers } from "./policy";

// SLA alerts: when a clock turns at risk and again when it is breached, the
// primary and backup handlers (the admins when nobody is assigned; see
// lib/domain/team-mail.ts) get one e-mail per clock per threshold. The unique (report, clock, threshold, due time) row
// makes that "once" hold across restarts and across several instances.

const SLA_MONITOR: Actor = { kind: "system", label: "SLA monitor" };

export async function runSlaAlerts(now = new Date()): Promise<number> {
  const reports = await db().report.findMany({
    where: { status: { in: [...OPEN_STATUSES] } },
    include: { slaPolicy: true, project: { select: { slug: true } } },
  });
  let sent = 0;
  for (const report of reports) {
    const clocks = computeClocks(report, policyNumbers(report.slaPolicy), now).filter(
      (c) => (c.state === "at_risk" || c.state === "breached") && c.dueAt,
    );
    for (const clock of clocks) {
      const created = await db().$transaction(async (tx) => {
        const inserted = await tx.slaAlert.createMany({
          data: [{ reportId: report.id, clock: clock.clock, threshold: clock.state, dueAt: clock.dueAt! }],
          skipDuplicates: true,
        });
        if (inserted.count === 0) return false;
        const what = clock.state === "breached" ? "is late" : "is at risk";
        const to = await mailTeam(tx, {
          event: { kind: "sla", primaryId: report.assigneeId, backupId: report.backupId },
          report,
          actorId: null,
          template: `sla_${clock.state}`,
          subject: `${CLOCK_NAMES_TEXT[clock.clock]} ${what}`,
          what: `${CLOCK_NAMES_TEXT[clock.clock]} ${what}: it is due ${formatInstant(clock.dueAt!)}.`,
        });
        await emitWebhook(tx, clock.state === "breached" ? "sla.breached" : "sla.at_risk", webhookReport(report), now, {
          clock: clock.clock,
          dueAt: clock.dueAt!.toISOString(),
        });
        await recordEvent(tx, SLA_MONITOR, report.id, {
          at: now,
          kind: "sla_alert",
          data: { clock: clock.clock, threshold: clock.state, dueAt: clock.dueAt!.toISOString(), notified: to },
        });
        return true;
      });
      if (created) sent++;
    }
  }
  return sent;
}
