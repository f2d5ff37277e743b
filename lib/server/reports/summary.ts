import "server-only";

import { vulnerableLines } from "@/lib/domain/matrix-row";
import type { Clock } from "@/lib/domain/sla";
import { computeClocks } from "@/lib/domain/sla";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportSummaryDto } from "@/lib/schemas/reports";
import { db } from "@/lib/server/infra/db";
import { matrixInclude, matrixReport, projectLinesInclude } from "@/lib/server/matrix/matrix";
import { policyNumbers } from "@/lib/server/sla/policy";

// A report as lists, cards and the detail page summarise it: what to load
// (summaryInclude), its SLA clocks, and the summary shape the API returns.

const person = { select: { email: true, name: true } } as const;

export const summaryInclude = {
  project: { select: { slug: true, name: true, packageName: true, ...projectLinesInclude } },
  ...matrixInclude,
  assignee: person,
  backup: person,
  reporter: person,
  slaPolicy: true,
} as const satisfies Prisma.ReportInclude;

/** Lists and cards never show the body, and it is most of a row's weight. */
export const summaryOmit = { body: true } as const satisfies Prisma.ReportOmit;

export type SummaryRow = Prisma.ReportGetPayload<{ include: typeof summaryInclude; omit: typeof summaryOmit }>;

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** What computing a report's clocks needs: its own fields and its policy (a light load for filtering many). */
export const clockInclude = { slaPolicy: true } as const satisfies Prisma.ReportInclude;

type ClockRow = Prisma.ReportGetPayload<{ include: typeof clockInclude; omit: typeof summaryOmit }>;

export function clocksOf(row: ClockRow, now = new Date()): Clock[] {
  return computeClocks(row, policyNumbers(row.slaPolicy), now);
}

export function clockViews(row: ClockRow, now: Date): ReportSummaryDto["sla"] {
  return clocksOf(row, now).map((c) => ({
    clock: c.clock,
    startedAt: iso(c.startedAt),
    dueAt: iso(c.dueAt),
    metAt: iso(c.metAt),
    state: c.state,
  }));
}

/** Full summary rows for the given ids, in that order. */
export async function summaryRows(ids: string[]): Promise<SummaryRow[]> {
  if (!ids.length) return [];
  const rows = await db().report.findMany({ where: { id: { in: ids } }, include: summaryInclude, omit: summaryOmit });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function toSummary(row: SummaryRow, now: Date): ReportSummaryDto {
  return {
    key: row.key,
    title: row.title,
    status: row.status,
    resolution: row.resolution,
    severity: row.severity,
    cvss: row.cvssVector ? { vector: row.cvssVector, score: row.cvssScore } : null,
    project: row.project ? { slug: row.project.slug, name: row.project.name } : null,
    affectedLines: row.project ? vulnerableLines(matrixReport(row), row.project) : [],
    assignee: row.assignee,
    backup: row.backup,
    reporter: { email: row.reporter.email, name: row.reporter.name },
    receivedAt: row.receivedAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    confirmedAt: iso(row.confirmedAt),
    disclosedAt: iso(row.disclosedAt),
    closedAt: iso(row.closedAt),
    waitingOnReporter: row.waitingOnReporter,
    labels: row.labels,
    unread: false,
    cweIds: row.cweIds,
    cveId: row.cveId,
    ghsaId: row.ghsaId,
    advisoryUrl: row.advisoryUrl,
    checklist: row.checklist,
    version: row.version,
    sla: clockViews(row, now),
  };
}
