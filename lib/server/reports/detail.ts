import "server-only";

import { rangesFromEvents, rowCells } from "@/lib/domain/matrix-row";
import type { ReportDto, ReportSummaryDto } from "@/lib/schemas/reports";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { openEventBody, openReportBody } from "@/lib/server/infra/sealed";
import { matrixReport } from "@/lib/server/matrix/matrix";
import { getReportOrThrow } from "@/lib/server/reports/get-report-or-throw";
import { relatedReports } from "@/lib/server/reports/related";
import { summaryInclude, summaryOmit, toSummary } from "@/lib/server/reports/summary";
import { withUnread } from "@/lib/server/reports/unread";

// One report as the team reads it: the full page, or the card that live
// updates refresh on open boards.

function eventActor(e: { actorType: string; actorLabel: string | null; actor: { name: string } | null }): string {
  if (e.actor) return e.actor.name;
  if (e.actorType === "REPORTER") return e.actorLabel ?? "Reporter";
  return e.actorLabel ?? "System";
}

/** Who acted, as the timeline shows it: decided by the stored actor type, never by comparing names. */
function eventActorType(actorType: string): "team" | "reporter" | "system" {
  if (actorType === "REPORTER") return "reporter";
  return actorType === "SYSTEM" ? "system" : "team";
}

/** Entries whose body is an imported record (up to 2 MB), kept in the database and never sent with a read. */
const RECORD_KINDS = new Set(["osv_imported", "osv_updated"]);

/** A timeline entry's details as the API shows them. */
function timelineData(data: Record<string, unknown>): Record<string, unknown> {
  if (!("record" in data)) return data;
  const { record: _raw, ...rest } = data;
  return rest;
}

/** One report as the team sees it. Unknown keys are 404 whatever the caller's role. */
export async function getReport(actor: Actor | null, key: string): Promise<ReportDto> {
  authorize(actor, "reports.read");
  const row = await getReportOrThrow(db(), key, {
    include: {
      ...summaryInclude,
      affected: { orderBy: { position: "asc" } },
      events: { orderBy: { at: "asc" }, include: { actor: { select: { name: true } } } },
      duplicateOf: { select: { key: true, title: true } },
      duplicates: { orderBy: { receivedAt: "asc" }, select: { key: true, title: true, status: true } },
    },
  });
  const related = await relatedReports(actor, row.key);
  const byPackage = new Map<string, { introduced: string; fixed?: string; last_affected?: string }[]>();
  for (const a of row.affected)
    byPackage.set(a.package, [...(byPackage.get(a.package) ?? []), ...rangesFromEvents(a.events)]);
  const { unread: _unread, ...summary } = toSummary(row, new Date());
  return {
    ...summary,
    body: openReportBody(row),
    affected: [...byPackage].map(([pkg, ranges]) => ({ package: pkg, ranges })),
    matrix: row.project
      ? rowCells(matrixReport(row), row.project).map((c) => ({ line: c.line, state: c.state, version: c.version }))
      : [],
    timeline: row.events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      visibility: e.visibility === "REPORTER" ? ("reporter" as const) : ("internal" as const),
      actorType: eventActorType(e.actorType),
      actor: eventActor(e),
      body: RECORD_KINDS.has(e.kind) ? null : openEventBody(e),
      data:
        e.data && typeof e.data === "object" && !Array.isArray(e.data)
          ? timelineData(e.data as Record<string, unknown>)
          : null,
    })),
    duplicateOf: row.duplicateOf,
    duplicates: row.duplicates,
    related,
  };
}

/** One report's card, for live updates of open boards. */
export async function getReportSummary(actor: Actor | null, key: string): Promise<ReportSummaryDto> {
  authorize(actor, "reports.read");
  const row = await getReportOrThrow(db(), key, { include: summaryInclude, omit: summaryOmit });
  const [card] = await withUnread(actor, [row], [toSummary(row, new Date())]);
  return card!;
}
