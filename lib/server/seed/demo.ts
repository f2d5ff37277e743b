import "server-only";

import { eventsFromRanges } from "@/lib/domain/matrix-row";
import { formatReportKey } from "@/lib/domain/report-key";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SYSTEM } from "@/lib/server/auth/actor";
import { hashPassword } from "@/lib/server/auth/passwords";
import { newSecret, sha256Hex } from "@/lib/server/infra/crypto";
import { db } from "@/lib/server/infra/db";
import { eventBodyData, newRowId, reportBodyData } from "@/lib/server/infra/sealed";
import type { DemoReport } from "@/lib/server/seed/demo-data";
import { DEMO_PROJECTS, demoReportBody } from "@/lib/server/seed/demo-data";
import { FINISHED_DEMO_REPORTS } from "@/lib/server/seed/demo-reports-finished";
import { IN_PROGRESS_DEMO_REPORTS } from "@/lib/server/seed/demo-reports-in-progress";

// `embargo seed demo`: an Express-like organisation with about thirty reports
// in every state, timed relative to now so clocks show every state. Demo
// accounts share one documented password; never seed a production instance.

export const DEMO_PASSWORD = "embargo-demo-password";

export const DEMO_USERS = [
  { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" },
  { email: "hana@example.com", name: "Hana Okafor", role: "HANDLER" },
  { email: "luis@example.com", name: "Luis Ortega", role: "HANDLER" },
  { email: "viewer@example.com", name: "Vera Lind", role: "VIEWER" },
] as const;

const SPECS: DemoReport[] = [...IN_PROGRESS_DEMO_REPORTS, ...FINISHED_DEMO_REPORTS];

const HOUR = 3_600_000;

/** Loads the demo organisation; does nothing when it is already there. */
export async function seedDemo(): Promise<string> {
  const client = db();
  if (await client.project.findUnique({ where: { slug: "express" } })) return "The demo data is already loaded.";
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();

  await client.$transaction(
    async (tx) => {
      const users: Record<string, string> = {};
      for (const u of DEMO_USERS) {
        const row = await tx.user.upsert({
          where: { email: u.email },
          create: { ...u, passwordHash },
          update: {},
          select: { id: true },
        });
        users[u.email.split("@")[0]!] = row.id;
      }
      const projects: Record<string, string> = {};
      for (const data of DEMO_PROJECTS) projects[data.slug] = (await tx.project.create({ data })).id;
      const policy = await tx.slaPolicy.findFirst({ where: { projectId: null }, orderBy: { version: "desc" } });
      const year = new Date(now).getUTCFullYear();
      const seqRow = await tx.reportSequence.upsert({ where: { year }, create: { year, last: 0 }, update: {} });
      let seq = seqRow.last;

      // oldest first, so keys grow with arrival
      for (const [index, spec] of [...SPECS].sort((a, b) => b.ago - a.ago).entries()) {
        seq += 1;
        const receivedAt = new Date(now - spec.ago * HOUR);
        const at = (h: number) => new Date(Math.min(now - 60_000, receivedAt.getTime() + h * HOUR));
        const ackAt = spec.ack !== undefined ? at(spec.ack) : null;
        const replyAt =
          ackAt && spec.reply !== undefined
            ? new Date(Math.min(now - 60_000, ackAt.getTime() + spec.reply * HOUR))
            : null;
        const reached = (s: DemoReport["status"]) =>
          ["CONFIRMED", "FIXING", "RELEASE_PENDING", "DISCLOSED"].indexOf(spec.status) >=
          ["CONFIRMED", "FIXING", "RELEASE_PENDING", "DISCLOSED"].indexOf(s);
        const confirmedAt =
          spec.severity && reached("CONFIRMED")
            ? new Date((replyAt ?? ackAt ?? receivedAt).getTime() + 2 * HOUR)
            : null;
        const disclosedAt = spec.status === "DISCLOSED" ? new Date(now - Math.floor(spec.ago / 4) * HOUR) : null;
        const closedAt =
          spec.status === "CLOSED" ? new Date((replyAt ?? ackAt ?? receivedAt).getTime() + 3 * HOUR) : null;
        const handler = spec.handler ? users[spec.handler] : undefined;
        const inProgress = ["CONFIRMED", "FIXING", "RELEASE_PENDING"].includes(spec.status);
        const updateAgo = spec.update ?? (inProgress ? 20 + ((index * 37) % 100) : undefined);
        const updateAt =
          updateAgo !== undefined && replyAt && now - updateAgo * HOUR > replyAt.getTime()
            ? new Date(now - updateAgo * HOUR)
            : null;
        const reporter = await tx.reporter.upsert({
          where: { email: spec.reporter[1] },
          create: { email: spec.reporter[1], name: spec.reporter[0] },
          update: {},
        });
        const key = formatReportKey(year, seq);
        const id = newRowId();
        const report = await tx.report.create({
          data: {
            id,
            key,
            year,
            seq,
            title: spec.title,
            ...(await reportBodyData(tx, id, demoReportBody(spec))),
            status: spec.status,
            resolution: spec.resolution ?? null,
            severity: spec.severity ?? null,
            labels: spec.labels ?? [],
            projectId: spec.project ? projects[spec.project] : null,
            reporterId: reporter.id,
            assigneeId: handler ?? null,
            creditName: spec.reporter[0],
            thirdPartyName: spec.resolution === "THIRD_PARTY" ? "multer maintainers" : null,
            thirdPartyContact:
              spec.resolution === "THIRD_PARTY" ? "https://github.com/expressjs/multer/security" : null,
            slaPolicyId: policy?.id ?? null,
            receivedAt,
            acknowledgedAt: ackAt,
            firstResponseAt: replyAt,
            lastUpdateAt: updateAt ?? replyAt ?? ackAt,
            confirmedAt,
            disclosedAt,
            releasedAt: disclosedAt,
            closedAt,
            waitingOnReporter: spec.waiting ?? false,
            waitingSince: spec.waiting ? new Date(now - 20 * HOUR) : null,
            cveId: spec.cve ?? null,
            source: "WEB",
          },
        });
        await tx.statusToken.create({ data: { reportId: report.id, tokenHash: sha256Hex(newSecret()) } });
        if (spec.ranges && spec.project) {
          await tx.affectedRange.create({
            data: { reportId: report.id, package: spec.project, events: eventsFromRanges(spec.ranges) },
          });
        }
        // an entry by the report's handler (the admin while it has none)
        const byTeam = (
          at: Date,
          kind: string,
          visibility: "INTERNAL" | "REPORTER",
          fields: { body?: string; data?: Prisma.InputJsonValue },
        ): Prisma.TimelineEventCreateManyInput => ({
          reportId: report.id,
          at,
          kind,
          visibility,
          actorType: "USER",
          actorId: handler ?? users.admin,
          ...fields,
        });
        const events: Prisma.TimelineEventCreateManyInput[] = [
          {
            reportId: report.id,
            at: receivedAt,
            kind: "received",
            visibility: "REPORTER",
            actorType: "REPORTER",
            actorLabel: spec.reporter[0],
          },
        ];
        if (handler) {
          events.push({
            reportId: report.id,
            at: new Date(receivedAt.getTime() + 60_000),
            kind: "assigned",
            visibility: "INTERNAL",
            actorType: "USER",
            actorId: users.admin,
            body: null,
            data: { from: null, to: DEMO_USERS.find((u) => u.email.startsWith(`${spec.handler}@`))?.name ?? null },
          });
        }
        if (ackAt) {
          events.push(
            byTeam(ackAt, "status_changed", "INTERNAL", { data: { from: "NEW", to: "TRIAGE" } }),
            byTeam(ackAt, "message", "REPORTER", {
              body: "Thank you for your report. We have received it and a member of the security team is looking at it. We will follow up with a detailed response.",
            }),
          );
        }
        if (ackAt && spec.status !== "NEW") {
          events.push(
            byTeam(new Date(ackAt.getTime() + 30 * 60_000), "note", "INTERNAL", {
              body: "Reproduced locally on the latest 4.x. Checking 5.x next.",
            }),
          );
        }
        if (replyAt) {
          events.push(
            byTeam(replyAt, "message", "REPORTER", {
              body: "We have confirmed the behaviour you describe and are working out which release lines are affected. Next step: a fix for every maintained line. We will keep you informed at least weekly.",
            }),
          );
          events.push({
            reportId: report.id,
            at: new Date(replyAt.getTime() + 2 * HOUR),
            kind: "message",
            visibility: "REPORTER",
            actorType: "REPORTER",
            actorLabel: spec.reporter[0],
            body: "Thanks for the quick response. Happy to test a patch.",
          });
        }
        if (updateAt) {
          events.push(
            byTeam(updateAt, "message", "REPORTER", {
              body: "A quick update: the fix is under review for every maintained release line. We will write again when a release date is set.",
            }),
          );
        }
        if (confirmedAt) {
          events.push(byTeam(confirmedAt, "status_changed", "INTERNAL", { data: { from: "TRIAGE", to: "CONFIRMED" } }));
        }
        if (disclosedAt) {
          events.push(
            byTeam(disclosedAt, "message", "REPORTER", {
              body: `The fix has been released and the advisory${spec.cve ? ` (${spec.cve})` : ""} is public. Thank you for reporting it responsibly.`,
            }),
          );
        }
        if (closedAt) {
          events.push(
            byTeam(closedAt, "status_changed", "INTERNAL", {
              data: { from: "TRIAGE", to: "CLOSED", resolution: spec.resolution },
            }),
          );
        }
        const sealed = [];
        for (const e of events) {
          const eventId = newRowId();
          sealed.push({ ...e, id: eventId, ...(await eventBodyData(tx, eventId, e.body)) });
        }
        await tx.timelineEvent.createMany({ data: sealed });
      }
      await tx.reportSequence.update({ where: { year }, data: { last: seq } });
      await tx.auditLog.create({
        data: {
          actorLabel: SYSTEM.kind,
          action: "seed.demo",
          entityType: "instance",
          entityId: "demo",
          after: { reports: SPECS.length },
        },
      });
    },
    { timeout: 120_000 },
  );
  return `Loaded the demo: ${DEMO_USERS.length} users (password "${DEMO_PASSWORD}"), 2 projects, ${SPECS.length} reports.`;
}
