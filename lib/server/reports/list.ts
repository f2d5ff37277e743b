import "server-only";

import { blindIndex } from "@/lib/crypto/blind-index";
import type { Severity } from "@/lib/domain/workflow";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListReportsQuery, ReportSummaryDto } from "@/lib/schemas/reports";
import { listReportsQuery } from "@/lib/schemas/reports";
import type { Actor } from "@/lib/server/auth/actor";
import { actorUserId, authorize } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { searchIndexKey } from "@/lib/server/infra/sealed";
import { parseInput } from "@/lib/server/infra/validate";
import type { SummaryRow } from "@/lib/server/reports/summary";
import {
  clockInclude,
  clocksOf,
  summaryInclude,
  summaryOmit,
  summaryRows,
  toSummary,
} from "@/lib/server/reports/summary";
import { withUnread } from "@/lib/server/reports/unread";

// The team's list of reports: the filters (shared with the board), newest
// first, in cursor pages.

type Filters = { severity?: string[]; project?: string; label?: string; assignee?: string; q?: string };

export async function filterWhere(actor: Actor, q: Filters): Promise<Prisma.ReportWhereInput[]> {
  const and: Prisma.ReportWhereInput[] = [];
  if (q.severity?.length) and.push({ severity: { in: q.severity as Severity[] } });
  if (q.project === "none") and.push({ projectId: null });
  else if (q.project) and.push({ project: { slug: q.project } });
  if (q.label) and.push({ labels: { has: q.label } });
  if (q.assignee === "none") and.push({ assigneeId: null });
  else if (q.assignee === "me") and.push({ assigneeId: actorUserId(actor) ?? "00000000-0000-0000-0000-000000000000" });
  else if (q.assignee) and.push({ assignee: { email: q.assignee.toLowerCase() } });
  if (q.q) and.push(textWhere(q.q, await searchIndexKey(db())));
  return and;
}

/**
 * The text search: the key, words in the title, body, messages and notes, a CVE or GHSA id (the report's own
 * or an alias), or the reporter's e-mail. Bodies, messages and notes are encrypted: their whole words are found
 * through the blind index (every word of the query in one body, or in one message).
 */
export function textWhere(text: string, searchKey: Buffer): Prisma.ReportWhereInput {
  const contains = { contains: text, mode: "insensitive" as const };
  const words = blindIndex(searchKey, text);
  const upper = text.toUpperCase();
  // GHSA ids are written in lower case after the prefix: GHSA-xxxx-xxxx-xxxx
  const ghsa = /^GHSA-/i.test(text) ? `GHSA-${text.slice(5).toLowerCase()}` : text;
  return {
    OR: [
      { key: { equals: upper } },
      { title: contains },
      ...(words.length ? [{ bodyWords: { hasEvery: words } }] : []),
      { cveId: { equals: upper } },
      { ghsaId: { equals: ghsa } },
      { aliases: { hasSome: [...new Set([text, upper, ghsa])] } },
      { reporter: { email: contains } },
      ...(words.length ? [{ events: { some: { bodyWords: { hasEvery: words } } } }] : []),
    ],
  };
}

type Cursor = { at: string; id: string };

function encodeCursor(row: { receivedAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ at: row.receivedAt.toISOString(), id: row.id })).toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Cursor;
    if (typeof value.at !== "string" || typeof value.id !== "string" || Number.isNaN(Date.parse(value.at)))
      throw new Error();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value.id)) throw new Error();
    return value;
  } catch {
    throw new DomainError("bad_request", "Invalid cursor.", { fields: { cursor: "Invalid cursor" } });
  }
}

/** The team's list: filters, newest first, cursor pages. */
export async function listReports(
  actor: Actor | null,
  raw: ListReportsQuery,
): Promise<{ items: ReportSummaryDto[]; nextCursor: string | null }> {
  authorize(actor, "reports.read");
  const q = parseInput(listReportsQuery, raw);
  const and = await filterWhere(actor, q);
  if (q.status?.length) and.push({ status: { in: q.status } });
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const at = new Date(c.at);
    and.push({ OR: [{ receivedAt: { lt: at } }, { receivedAt: at, id: { lt: c.id } }] });
  }
  const orderBy: Prisma.ReportOrderByWithRelationInput[] = [{ receivedAt: "desc" }, { id: "desc" }];
  const now = new Date();
  let rows: SummaryRow[];
  if (q.sla) {
    // SLA states are computed, not stored: filter light candidates in memory, then load the page in full.
    const candidates = await db().report.findMany({
      where: { AND: and },
      include: clockInclude,
      omit: summaryOmit,
      orderBy,
      take: 5000,
    });
    rows = await summaryRows(
      candidates
        .filter((r) => clocksOf(r, now).some((c) => c.state === q.sla))
        .slice(0, q.limit + 1)
        .map((r) => r.id),
    );
  } else {
    rows = await db().report.findMany({
      where: { AND: and },
      include: summaryInclude,
      omit: summaryOmit,
      orderBy,
      take: q.limit + 1,
    });
  }
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: await withUnread(
      actor,
      page,
      page.map((r) => toSummary(r, now)),
    ),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
  };
}
