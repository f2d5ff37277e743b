import "server-only";

import type { Clock } from "@/lib/domain/sla";
import { metInTime } from "@/lib/domain/sla";
import { reporterStage, reporterStageText } from "@/lib/domain/workflow";
import { env } from "@/lib/env";
import type { StatusViewDto } from "@/lib/schemas/reports";
import { db } from "@/lib/server/infra/db";
import { openEventBody } from "@/lib/server/infra/sealed";
import { clockInclude, clocksOf, iso } from "@/lib/server/reports/summary";
import { policyNumbers } from "@/lib/server/sla/policy";
import { reportIdForToken } from "@/lib/server/status/token";

// The reporter's status page: only what a reporter may see.

const PROMISE_TEXT: Record<Clock["clock"], (p: ReturnType<typeof policyNumbers>) => string> = {
  acknowledge: (p) => `We acknowledge your report within ${p.acknowledgeHours} hours`,
  response: (p) => `We send a detailed response with next steps within ${p.responseHours} hours of acknowledging it`,
  update: (p) => `We keep you informed at least every ${p.updateDays} days until the fix is announced`,
  fix: () => `We fix the problem in every maintained release line`,
};

/** The reporter's view: only what a reporter may see. */
export async function getStatusView(token: string): Promise<StatusViewDto> {
  const reportId = await reportIdForToken(db(), token);
  const row = await db().report.findUniqueOrThrow({
    where: { id: reportId },
    // only what the reporter's page shows: never the team's notes, handlers or matrix details
    include: {
      ...clockInclude,
      project: { select: { name: true } },
      reporter: true,
      overrides: { select: { fixedVersion: true } },
      events: {
        where: { visibility: "REPORTER", kind: { in: ["message", "acknowledgment"] } },
        orderBy: { at: "asc" },
      },
    },
  });
  const policy = policyNumbers(row.slaPolicy);
  const clocks = clocksOf(row).filter((c) => c.clock !== "fix" || c.startedAt);
  return {
    key: row.key,
    title: row.title,
    project: row.project?.name ?? null,
    organisation: env().ORG_NAME,
    stage: reporterStage(row.status),
    stageText: reporterStageText(row.status, row.resolution),
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    promises: clocks.map((c) => ({
      clock: c.clock,
      text: PROMISE_TEXT[c.clock](policy),
      dueAt: iso(c.dueAt),
      metAt: iso(c.metAt),
      state: c.state,
      kept: metInTime(c),
    })),
    messages: row.events.map((e) => ({
      at: e.at.toISOString(),
      from: e.actorType === "REPORTER" ? ("you" as const) : ("team" as const),
      body: openEventBody(e) ?? "",
    })),
    // credit is per report, never from the shared reporter row (anyone can file under an address)
    credit: { preference: row.creditPreference, name: row.creditName },
    disclosure:
      row.status === "DISCLOSED"
        ? {
            cve: row.cveId,
            advisoryUrl: row.advisoryUrl,
            fixedVersions: [...new Set(row.overrides.filter((o) => o.fixedVersion).map((o) => o.fixedVersion!))],
          }
        : null,
  };
}
