import { describe, expect, it } from "vitest";

import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { submitReport } from "@/lib/server/reports/intake";
import { runSlaAlerts } from "@/lib/server/sla/alerts";
import { createUser } from "@/lib/server/users/users";

const HOUR = 3_600_000;

describe("SLA alerts", () => {
  it("notify once per clock per threshold, to the admins while unassigned", async () => {
    await createUser(SYSTEM, {
      email: "boss@example.com",
      name: "Boss",
      role: "ADMIN",
      password: "a-long-enough-password",
    });
    const { key } = await submitReport({ title: "Clock test", body: "b", reporterEmail: "r@example.org" });
    const report = await db().report.findUniqueOrThrow({ where: { key } });
    const t0 = report.receivedAt.getTime();

    expect(await runSlaAlerts(new Date(t0 + 10 * HOUR))).toBe(0); // ok
    expect(await runSlaAlerts(new Date(t0 + 40 * HOUR))).toBe(1); // at risk
    expect(await runSlaAlerts(new Date(t0 + 41 * HOUR))).toBe(0); // already told
    // two instances at once still send one breach alert
    const [a, b] = await Promise.all([runSlaAlerts(new Date(t0 + 49 * HOUR)), runSlaAlerts(new Date(t0 + 49 * HOUR))]);
    expect(a + b).toBe(1);

    const mails = await db().outboundMail.findMany({
      where: { reportId: report.id, template: { startsWith: "sla_" } },
      orderBy: { createdAt: "asc" },
    });
    expect(mails.map((m) => [m.template, m.toAddr])).toEqual([
      ["sla_at_risk", "boss@example.com"],
      ["sla_breached", "boss@example.com"],
    ]);
    expect(mails[1]!.subject).toBe(`[${key}] The acknowledgment is late: Clock test`);
    const events = await db().timelineEvent.count({
      where: { reportId: report.id, kind: "sla_alert", visibility: "INTERNAL" },
    });
    expect(events).toBe(2);
  });
});
