import "server-only";

import type { Actor } from "@/lib/server/auth/actor";
import { actorUserId } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";

// The unread marker: a reporter's message (status page or mail) that a team
// member has not seen since they last opened the report's page. Opening the
// page records the instant (ReportView); the API's reads do not.

/** The report's page was opened by this user (who may read it: the page checked) now. */
export async function markReportSeen(actor: Actor, key: string, at = new Date()): Promise<void> {
  const userId = actorUserId(actor);
  if (!userId) return;
  const report = await db().report.findUnique({ where: { key }, select: { id: true } });
  if (!report) return;
  const reportId = report.id;
  await db().reportView.upsert({
    where: { userId_reportId: { userId, reportId } },
    create: { userId, reportId, seenAt: at },
    update: { seenAt: at },
  });
}

/** Of these reports, those with a reporter message newer than the user's last visit (none for the system). */
export async function unreadReportIds(actor: Actor, reportIds: string[]): Promise<Set<string>> {
  const userId = actorUserId(actor);
  if (!userId || !reportIds.length) return new Set();
  const [latest, views] = await Promise.all([
    db().timelineEvent.groupBy({
      by: ["reportId"],
      where: { reportId: { in: reportIds }, actorType: "REPORTER", kind: "message" },
      _max: { at: true },
    }),
    db().reportView.findMany({
      where: { userId, reportId: { in: reportIds } },
      select: { reportId: true, seenAt: true },
    }),
  ]);
  const seen = new Map(views.map((v) => [v.reportId, v.seenAt]));
  return new Set(
    latest
      .filter((l) => {
        const last = l._max.at;
        const at = seen.get(l.reportId);
        return last !== null && (!at || last > at);
      })
      .map((l) => l.reportId),
  );
}

/** Summaries with their `unread` flag for this user, from the rows they were made of (same order). */
export async function withUnread<T extends { unread: boolean }>(
  actor: Actor,
  rows: { id: string }[],
  items: T[],
): Promise<T[]> {
  const unread = await unreadReportIds(
    actor,
    rows.map((r) => r.id),
  );
  return items.map((item, i) => ({ ...item, unread: unread.has(rows[i]!.id) }));
}
