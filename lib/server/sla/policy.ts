import "server-only";

import { z } from "zod";

import { isTimeZone } from "@/lib/domain/calendar";
import type { SlaPolicy } from "@/lib/domain/sla";
import { DEFAULT_POLICY, pauseSeconds } from "@/lib/domain/sla";
import { policyNote } from "@/lib/domain/sla-policy-note";
import type { SlaPolicy as PolicyRow } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";
import { namedProjectId } from "@/lib/server/projects/project-not-found";

// SLA policies are versioned rows; a report keeps the version it arrived
// under, so editing a policy never rewrites a promise already made.

/** The policy in force now for a project: its own newest version, else the instance default. */
export async function policyInForce(tx: Tx, projectId: string | null) {
  if (projectId) {
    const own = await tx.slaPolicy.findFirst({ where: { projectId }, orderBy: { version: "desc" } });
    if (own) return own;
  }
  return tx.slaPolicy.findFirst({ where: { projectId: null }, orderBy: { version: "desc" } });
}

export function policyNumbers(row: PolicyRow | null | undefined): SlaPolicy {
  if (!row) return DEFAULT_POLICY;
  return {
    calendar: { mode: row.calendar, timeZone: row.timeZone, holidays: row.holidays },
    acknowledgeHours: row.acknowledgeHours,
    responseHours: row.responseHours,
    updateDays: row.updateDays,
    fixDaysCritical: row.fixDaysCritical,
    fixDaysHigh: row.fixDaysHigh,
    fixDaysMedium: row.fixDaysMedium,
    fixDaysLow: row.fixDaysLow,
  };
}

/**
 * The report page's note when the policy in force for the report's project differs from the one its clocks
 * keep (the snapshot taken at receipt), else null.
 */
export async function reportPolicyNote(actor: Actor | null, key: string): Promise<string | null> {
  authorize(actor, "reports.read");
  const report = await db().report.findUnique({
    where: { key },
    select: { slaPolicyId: true, slaPolicy: true, projectId: true, project: { select: { name: true } } },
  });
  if (!report) return null;
  const current = await db().$transaction((tx) => policyInForce(tx, report.projectId));
  if ((current?.id ?? null) === report.slaPolicyId) return null;
  return policyNote(policyNumbers(report.slaPolicy), policyNumbers(current), report.project?.name ?? null);
}

const hours = z.coerce
  .number()
  .int("Whole hours")
  .min(1, "At least 1")
  .max(24 * 365, "At most a year");
const days = z.coerce.number().int("Whole days").min(1, "At least 1").max(3650, "At most ten years");

/**
 * The fix-clock time a wait on the reporter took, counted as the report's policy counts (business hours in
 * business mode). Only the part after confirmation counts: the fix clock starts there.
 */
export async function pausedFor(
  tx: Tx,
  report: { slaPolicyId: string | null; waitingSince: Date | null; confirmedAt: Date | null },
  now: Date,
): Promise<number> {
  if (!report.waitingSince || !report.confirmedAt) return 0;
  const from = report.waitingSince > report.confirmedAt ? report.waitingSince : report.confirmedAt;
  const policy = report.slaPolicyId ? await tx.slaPolicy.findUnique({ where: { id: report.slaPolicyId } }) : null;
  return pauseSeconds(from, now, policyNumbers(policy));
}

export const policyInput = z.object({
  project: z.string().trim().max(64).optional(),
  acknowledgeHours: hours,
  responseHours: hours,
  updateDays: days,
  fixDaysCritical: days,
  fixDaysHigh: days,
  fixDaysMedium: days,
  fixDaysLow: days,
  calendar: z.enum(["CALENDAR", "BUSINESS"]),
  timeZone: z.string().trim().refine(isTimeZone, "Not a time zone (use an IANA name such as Europe/Berlin)"),
  holidays: z.array(z.iso.date("Use YYYY-MM-DD")).max(400),
  /** the written policy (Markdown); left out, the last version's text is kept */
  text: z.string().max(50_000, "At most 50,000 characters").optional(),
});
export type PolicyInput = z.input<typeof policyInput>;

export async function listPolicies(actor: Actor | null) {
  authorize(actor, "settings.manage");
  const [projects, rows] = await Promise.all([
    db().project.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } }),
    db().slaPolicy.findMany({
      orderBy: [{ version: "desc" }],
      include: { createdBy: { select: { name: true } }, _count: { select: { reports: true } } },
    }),
  ]);
  const latest = (projectId: string | null) => rows.find((r) => r.projectId === projectId) ?? null;
  return {
    instance: latest(null),
    projects: projects.map((p) => ({ ...p, policy: latest(p.id) })),
    history: rows,
  };
}

/** Saves a new version of the instance policy, or of one project's. */
export async function savePolicy(actor: Actor | null, raw: PolicyInput) {
  authorize(actor, "settings.manage");
  const input = parseInput(policyInput, raw);
  return db().$transaction(async (tx) => {
    const projectId = await namedProjectId(tx, input.project);
    // serialise versions per scope
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7210003)`;
    const last = await tx.slaPolicy.findFirst({
      where: { projectId },
      orderBy: { version: "desc" },
      select: { version: true, policyText: true },
    });
    const { project: _project, text, ...numbers } = input;
    const policyText = text === undefined ? (last?.policyText ?? null) : text.trim() || null;
    const row = await tx.slaPolicy.create({
      data: {
        ...numbers,
        holidays: [...new Set(numbers.holidays)].sort(),
        policyText,
        projectId,
        version: (last?.version ?? 0) + 1,
        createdById: actor.kind === "user" ? actor.user.id : null,
      },
    });
    await audit(tx, actor, {
      action: "policy.save",
      entityType: "slaPolicy",
      entityId: row.id,
      after: {
        ...numbers,
        project: input.project ?? null,
        version: row.version,
        textChanged: policyText !== (last?.policyText ?? null),
      },
    });
    return row;
  });
}
