import "server-only";

import { byMostUrgentClock, mostUrgent } from "@/lib/domain/sla";
import { STATUSES } from "@/lib/domain/workflow";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BoardDto, BoardQuery } from "@/lib/schemas/reports";
import { boardQuery } from "@/lib/schemas/reports";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";
import { filterWhere } from "@/lib/server/reports/list";
import {
  clockInclude,
  clockViews,
  summaryInclude,
  summaryOmit,
  summaryRows,
  toSummary,
} from "@/lib/server/reports/summary";
import { withUnread } from "@/lib/server/reports/unread";

// The board: one column per status, open columns most urgent first.

export const BOARD_COLUMN_LIMIT = 100;

/** The board: each column's first cards (most urgent first) and its total, with the filters of the URL. */
export async function listBoard(actor: Actor | null, raw: BoardQuery = {}): Promise<BoardDto> {
  authorize(actor, "reports.read");
  const q = parseInput(boardQuery, raw);
  const where = await filterWhere(actor, q);
  // an archived project's reports leave the default view; naming the project shows them
  if (!q.project) where.push({ OR: [{ projectId: null }, { project: { archivedAt: null } }] });
  const now = new Date();
  const columns = {} as BoardDto["columns"];
  let atRisk = 0;
  let breached = 0;
  await Promise.all(
    STATUSES.map(async (status) => {
      const closed = status === "CLOSED" || status === "DISCLOSED";
      const orderBy: Prisma.ReportOrderByWithRelationInput[] = closed
        ? [{ closedAt: "desc" }, { disclosedAt: "desc" }, { receivedAt: "desc" }]
        : [{ receivedAt: "asc" }];
      const filtered = { AND: [...where, { status }] };
      if (q.sla) {
        // a computed filter: light candidates first (clocks only), full cards for the first hundred that pass
        const candidates = await db().report.findMany({
          where: filtered,
          include: clockInclude,
          omit: summaryOmit,
          orderBy,
          take: 2000,
        });
        const passing = candidates
          .map((row) => ({ id: row.id, sla: clockViews(row, now) }))
          .filter((r) => mostUrgent(r.sla)?.state === q.sla);
        if (!closed) {
          passing.sort(byMostUrgentClock);
          if (q.sla === "at_risk") atRisk += passing.length;
          if (q.sla === "breached") breached += passing.length;
        }
        const shown = await summaryRows(passing.slice(0, BOARD_COLUMN_LIMIT).map((r) => r.id));
        const items = await withUnread(
          actor,
          shown,
          shown.map((r) => toSummary(r, now)),
        );
        columns[status] = { items, total: passing.length };
        return;
      }
      const rows = await db().report.findMany({
        where: filtered,
        include: summaryInclude,
        omit: summaryOmit,
        orderBy,
        take: BOARD_COLUMN_LIMIT,
      });
      const total = await db().report.count({ where: filtered });
      const items = await withUnread(
        actor,
        rows,
        rows.map((r) => toSummary(r, now)),
      );
      if (!closed) {
        items.sort(byMostUrgentClock);
        for (const r of items) {
          const state = mostUrgent(r.sla)?.state;
          if (state === "at_risk") atRisk++;
          if (state === "breached") breached++;
        }
      }
      columns[status] = { items: items.slice(0, BOARD_COLUMN_LIMIT), total };
    }),
  );
  return { columns, atRisk, breached };
}
