import "server-only";

import { mostUrgentView } from "@/lib/clock-view";
import { formatReportKey, isReportKey } from "@/lib/domain/report-key";
import type { Clock } from "@/lib/domain/sla";
import { computeClocks, metInTime } from "@/lib/domain/sla";
import type { Severity } from "@/lib/domain/workflow";
import { STATUSES, reporterStage, reporterStageText } from "@/lib/domain/workflow";
import { appUrl, env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  BoardDto,
  BoardQuery,
  ListReportsQuery,
  ReportDto,
  ReportSummaryDto,
  StatusViewDto,
} from "@/lib/schemas/reports";
import { MAX_BODY_BYTES, boardQuery, intakeInput, listReportsQuery } from "@/lib/schemas/reports";
import type { Actor } from "@/lib/server/auth/actor";
import { actorUserId, authorize } from "@/lib/server/auth/actor";
import { hashesEqual, newSecret, sha256Hex } from "@/lib/server/infra/crypto";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";
import { enqueueMail, templates } from "@/lib/server/mail/outbox";
import {
  matrixInclude,
  projectLinesInclude,
  rangesFromEvents,
  rowCells,
  vulnerableLines,
} from "@/lib/server/matrix/matrix";
import { policyInForce, policyNumbers } from "@/lib/server/sla/policy";

// Reports: intake, the team's list and detail views, and the reporter's view.

const person = { select: { email: true, name: true } } as const;

const summaryInclude = {
  project: { select: { slug: true, name: true, packageName: true, ...projectLinesInclude } },
  ...matrixInclude,
  assignee: person,
  backup: person,
  reporter: person,
  slaPolicy: true,
} as const satisfies Prisma.ReportInclude;

/** Lists and cards never show the body, and it is most of a row's weight. */
const summaryOmit = { body: true } as const satisfies Prisma.ReportOmit;

type SummaryRow = Prisma.ReportGetPayload<{ include: typeof summaryInclude; omit: typeof summaryOmit }>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** What computing a report's clocks needs: its own fields and its policy (a light load for filtering many). */
const clockInclude = { slaPolicy: true } as const satisfies Prisma.ReportInclude;

type ClockRow = Prisma.ReportGetPayload<{ include: typeof clockInclude; omit: typeof summaryOmit }>;

export function clocksOf(row: ClockRow, now = new Date()): Clock[] {
  return computeClocks(row, policyNumbers(row.slaPolicy), now);
}

function clockViews(row: ClockRow, now: Date): ReportSummaryDto["sla"] {
  return clocksOf(row, now).map((c) => ({
    clock: c.clock,
    startedAt: iso(c.startedAt),
    dueAt: iso(c.dueAt),
    metAt: iso(c.metAt),
    state: c.state,
  }));
}

/** Full summary rows for the given ids, in that order. */
async function summaryRows(ids: string[]): Promise<SummaryRow[]> {
  if (!ids.length) return [];
  const rows = await db().report.findMany({ where: { id: { in: ids } }, include: summaryInclude, omit: summaryOmit });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function toSummary(row: SummaryRow, now: Date): ReportSummaryDto {
  return {
    key: row.key,
    title: row.title,
    status: row.status,
    resolution: row.resolution,
    severity: row.severity,
    cvss: row.cvssVector ? { vector: row.cvssVector, score: row.cvssScore } : null,
    project: row.project ? { slug: row.project.slug, name: row.project.name } : null,
    affectedLines: row.project ? vulnerableLines(row, row.project) : [],
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
    cweIds: row.cweIds,
    cveId: row.cveId,
    ghsaId: row.ghsaId,
    advisoryUrl: row.advisoryUrl,
    checklist: row.checklist,
    version: row.version,
    sla: clockViews(row, now),
  };
}

async function nextKey(tx: Tx, year: number): Promise<{ key: string; seq: number }> {
  // One atomic upsert: concurrent intakes serialise on the year's row.
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReportSequence" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "ReportSequence"."last" + 1
    RETURNING "last"`;
  const seq = Number(rows[0]!.last);
  return { key: formatReportKey(year, seq), seq };
}

export function statusUrl(token: string): string {
  return `${appUrl()}/status/${token}`;
}

type NewReport = {
  title: string;
  body: string;
  reporterEmail: string;
  reporterName?: string | null;
  projectId: string | null;
  reportedVersion?: string | null;
  creditPreference?: "NAME" | "ANONYMOUS" | "NONE";
  creditName?: string | null;
  source: "WEB" | "API" | "EMAIL" | "IMPORT";
  needsFullReport?: boolean;
  /** the inbound Message-ID our "received" mail answers */
  inReplyTo?: string | null;
  /** false for imported advisories, which have no reporter to write to */
  notify?: boolean;
};

/** Creates the reporter (or reuses them), the report in NEW, its status link and the receipt mail, inside `tx`. */
export async function createReport(tx: Tx, input: NewReport): Promise<{ id: string; key: string; token: string }> {
  const token = newSecret();
  const reporter = await tx.reporter.upsert({
    where: { email: input.reporterEmail },
    create: {
      email: input.reporterEmail,
      name: input.reporterName || null,
      creditPreference: input.creditPreference ?? "NAME",
      creditName: input.creditName || null,
    },
    // anyone can submit with anyone's address: never rename an existing reporter
    update: {},
  });
  const policy = await policyInForce(tx, input.projectId);
  const now = new Date();
  const { key, seq } = await nextKey(tx, now.getUTCFullYear());
  const report = await tx.report.create({
    data: {
      key,
      year: now.getUTCFullYear(),
      seq,
      title: input.title,
      body: input.body,
      source: input.source,
      reportedVersion: input.reportedVersion || null,
      needsFullReport: input.needsFullReport ?? false,
      creditPreference: input.creditPreference ?? "NAME",
      creditName: input.creditName || input.reporterName || null,
      projectId: input.projectId,
      reporterId: reporter.id,
      slaPolicyId: policy?.id ?? null,
      receivedAt: now,
    },
  });
  await tx.statusToken.create({ data: { reportId: report.id, tokenHash: sha256Hex(token) } });
  if (input.notify !== false) {
    await enqueueMail(tx, {
      reportId: report.id,
      key,
      template: "received",
      to: reporter.email,
      inReplyTo: input.inReplyTo,
      ...templates.received({ key, title: input.title, link: statusUrl(token) }),
    });
  }
  await tx.timelineEvent.create({
    data: {
      reportId: report.id,
      at: now,
      kind: "received",
      visibility: "REPORTER",
      actorType: "REPORTER",
      actorLabel: input.reporterName || reporter.name || reporter.email,
      data: { source: input.source },
    },
  });
  await tx.auditLog.create({
    data: {
      actorLabel: `reporter ${reporter.email}`,
      action: "report.create",
      entityType: "report",
      entityId: report.id,
      after: { key, source: input.source },
    },
  });
  return { id: report.id, key, token };
}

/** Public intake (web form and API): validates, then creates the report in one transaction. */
export async function submitReport(
  raw: unknown,
  opts: { source?: "WEB" | "API" } = {},
): Promise<{ key: string; statusUrl: string; token: string }> {
  const input = parseInput(intakeInput, raw);
  if (Buffer.byteLength(input.body, "utf8") > MAX_BODY_BYTES) {
    throw new DomainError("too_large", `The description is over ${MAX_BODY_BYTES / 1024} KB.`, {
      fields: { body: "Too large" },
    });
  }
  const { key, token } = await db().$transaction(async (tx) => {
    const project = input.project
      ? await tx.project.findFirst({
          where: { OR: [{ slug: input.project }, { packageName: input.project }] },
          select: { id: true },
        })
      : null;
    if (input.project && !project) {
      throw new DomainError("bad_request", `Unknown project "${input.project}".`, {
        fields: { project: "Unknown project" },
      });
    }
    return createReport(tx, { ...input, projectId: project?.id ?? null, source: opts.source ?? "WEB" });
  });
  return { key, statusUrl: statusUrl(token), token };
}

type Filters = { severity?: string[]; project?: string; label?: string; assignee?: string; q?: string };

function filterWhere(actor: Actor, q: Filters): Prisma.ReportWhereInput[] {
  const and: Prisma.ReportWhereInput[] = [];
  if (q.severity?.length) and.push({ severity: { in: q.severity as Severity[] } });
  if (q.project) and.push({ project: { slug: q.project } });
  if (q.label) and.push({ labels: { has: q.label } });
  if (q.assignee === "none") and.push({ assigneeId: null });
  else if (q.assignee === "me") and.push({ assigneeId: actorUserId(actor) ?? "00000000-0000-0000-0000-000000000000" });
  else if (q.assignee) and.push({ assignee: { email: q.assignee.toLowerCase() } });
  if (q.q) {
    and.push({
      OR: [
        { key: { equals: q.q.toUpperCase() } },
        { title: { contains: q.q, mode: "insensitive" } },
        { body: { contains: q.q, mode: "insensitive" } },
      ],
    });
  }
  return and;
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
  const and = filterWhere(actor, q);
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
    items: page.map((r) => toSummary(r, now)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
  };
}

function eventActor(e: { actorType: string; actorLabel: string | null; actor: { name: string } | null }): string {
  if (e.actor) return e.actor.name;
  if (e.actorType === "REPORTER") return e.actorLabel ?? "Reporter";
  return e.actorLabel ?? "System";
}

/** A timeline entry's details as the API shows them: an import's raw record (up to 2 MB) stays in the database. */
function timelineData(data: Record<string, unknown>): Record<string, unknown> {
  if (!("record" in data)) return data;
  const { record: _raw, ...rest } = data;
  return rest;
}

/** One report as the team sees it. Unknown keys are 404 whatever the caller's role. */
export async function getReport(actor: Actor | null, key: string): Promise<ReportDto> {
  authorize(actor, "reports.read");
  if (!isReportKey(key)) throw new DomainError("not_found", "No such report.");
  const row = await db().report.findUnique({
    where: { key },
    include: {
      ...summaryInclude,
      affected: { orderBy: { position: "asc" } },
      events: { orderBy: { at: "asc" }, include: { actor: { select: { name: true } } } },
    },
  });
  if (!row) throw new DomainError("not_found", "No such report.");
  const byPackage = new Map<string, { introduced: string; fixed?: string; last_affected?: string }[]>();
  for (const a of row.affected)
    byPackage.set(a.package, [...(byPackage.get(a.package) ?? []), ...rangesFromEvents(a.events)]);
  return {
    ...toSummary(row, new Date()),
    body: row.body,
    affected: [...byPackage].map(([pkg, ranges]) => ({ package: pkg, ranges })),
    matrix: row.project
      ? rowCells(row, row.project).map((c) => ({ line: c.line, state: c.state, version: c.version }))
      : [],
    timeline: row.events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      visibility: e.visibility === "REPORTER" ? ("reporter" as const) : ("internal" as const),
      actor: eventActor(e),
      body: e.body,
      data:
        e.data && typeof e.data === "object" && !Array.isArray(e.data)
          ? timelineData(e.data as Record<string, unknown>)
          : null,
    })),
  };
}

const PROMISE_TEXT: Record<Clock["clock"], (p: ReturnType<typeof policyNumbers>) => string> = {
  acknowledge: (p) => `We acknowledge your report within ${p.acknowledgeHours} hours`,
  response: (p) => `We send a detailed response with next steps within ${p.responseHours} hours of acknowledging it`,
  update: (p) => `We keep you informed at least every ${p.updateDays} days until the fix is announced`,
  fix: () => `We fix the problem in every maintained release line`,
};

/** Resolves a status-link token; null for unknown, malformed or revoked ones. */
async function reportIdForToken(token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const hash = sha256Hex(token);
  const row = await db().statusToken.findUnique({ where: { tokenHash: hash }, omit: { tokenHash: false } });
  if (!row || row.revokedAt || !hashesEqual(row.tokenHash, hash)) return null;
  return row.reportId;
}

/** The reporter's view: only what a reporter may see. */
export async function getStatusView(token: string): Promise<StatusViewDto> {
  const reportId = await reportIdForToken(token);
  if (!reportId)
    throw new DomainError("not_found", "This status link is not valid. It may have been replaced by a newer one.");
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
      body: e.body ?? "",
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

/** The board: each column's first cards (most urgent first) and its total, with the filters of the URL. */
export async function listBoard(actor: Actor | null, raw: BoardQuery = {}): Promise<BoardDto> {
  authorize(actor, "reports.read");
  const q = parseInput(boardQuery, raw);
  const where = filterWhere(actor, q);
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
          .filter((r) => mostUrgentView(r.sla)?.state === q.sla);
        if (!closed) {
          passing.sort(byUrgency);
          if (q.sla === "at_risk") atRisk += passing.length;
          if (q.sla === "breached") breached += passing.length;
        }
        const items = (await summaryRows(passing.slice(0, BOARD_COLUMN_LIMIT).map((r) => r.id))).map((r) =>
          toSummary(r, now),
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
      const items = rows.map((r) => toSummary(r, now));
      if (!closed) {
        items.sort(byUrgency);
        for (const r of items) {
          const state = mostUrgentView(r.sla)?.state;
          if (state === "at_risk") atRisk++;
          if (state === "breached") breached++;
        }
      }
      columns[status] = { items: items.slice(0, BOARD_COLUMN_LIMIT), total };
    }),
  );
  return { columns, atRisk, breached };
}

export const BOARD_COLUMN_LIMIT = 100;

const URGENCY = { breached: 0, at_risk: 1, ok: 2, paused: 3, met: 4 } as const;

function byUrgency(a: Pick<ReportSummaryDto, "sla">, b: Pick<ReportSummaryDto, "sla">): number {
  const ua = mostUrgentView(a.sla);
  const ub = mostUrgentView(b.sla);
  return (
    URGENCY[ua?.state ?? "met"] - URGENCY[ub?.state ?? "met"] ||
    Date.parse(ua?.dueAt ?? "9999") - Date.parse(ub?.dueAt ?? "9999")
  );
}

/** One report's card, for live updates of open boards. */
export async function getReportSummary(actor: Actor | null, key: string): Promise<ReportSummaryDto> {
  authorize(actor, "reports.read");
  if (!isReportKey(key)) throw new DomainError("not_found", "No such report.");
  const row = await db().report.findUnique({ where: { key }, include: summaryInclude, omit: summaryOmit });
  if (!row) throw new DomainError("not_found", "No such report.");
  return toSummary(row, new Date());
}
