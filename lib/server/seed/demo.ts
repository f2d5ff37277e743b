import "server-only";

import { formatReportKey } from "@/lib/domain/report-key";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SYSTEM } from "@/lib/server/auth/actor";
import { hashPassword } from "@/lib/server/auth/passwords";
import { newSecret, sha256Hex } from "@/lib/server/infra/crypto";
import { db } from "@/lib/server/infra/db";
import { eventsFromRanges } from "@/lib/domain/matrix-row";

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

type Spec = {
  title: string;
  project: "express" | "body-parser" | null;
  status: "NEW" | "TRIAGE" | "CONFIRMED" | "FIXING" | "RELEASE_PENDING" | "DISCLOSED" | "CLOSED";
  severity?: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
  /** hours ago it arrived */
  ago: number;
  /** hours after arrival it was acknowledged */
  ack?: number;
  /** hours after acknowledgment the detailed response went out */
  reply?: number;
  handler?: "hana" | "luis" | "admin";
  resolution?: "REJECTED" | "DUPLICATE" | "THIRD_PARTY" | "WITHDRAWN";
  cve?: string;
  labels?: string[];
  waiting?: boolean;
  /** hours ago of the last progress update to the reporter (open reports past triage) */
  update?: number;
  /** affected ranges of the project's package */
  ranges?: { introduced: string; fixed?: string; last_affected?: string }[];
  reporter: [string, string];
};

const SPECS: Spec[] = [
  {
    title: "Open redirect in res.redirect() with protocol-relative URLs",
    project: "express",
    status: "NEW",
    ago: 3,
    reporter: ["Mina Park", "mina@research.example"],
  },
  {
    title: "Prototype pollution through nested query strings",
    project: "express",
    status: "NEW",
    ago: 30,
    reporter: ["Tom Berg", "tom.berg@mail.example"],
  },
  {
    title: "ReDoS in Accept-Language parsing",
    project: "express",
    status: "NEW",
    ago: 44,
    reporter: ["Ines Duarte", "ines@sec.example"],
  },
  {
    title: "Header injection via res.set() with CRLF in value",
    project: "express",
    status: "NEW",
    ago: 61,
    reporter: ["Kofi Mensah", "kofi@hunt.example"],
    labels: ["needs-repro"],
  },
  {
    title: "Memory exhaustion with deeply nested JSON bodies",
    project: "body-parser",
    status: "NEW",
    ago: 12,
    reporter: ["Anonymous", "anon-7731@proton.example"],
  },
  {
    title: "Path traversal in express.static on Windows with encoded backslashes",
    project: "express",
    status: "TRIAGE",
    ago: 70,
    ack: 20,
    handler: "hana",
    reporter: ["Sara Nilsson", "sara@nilsson.example"],
  },
  {
    title: "Cookie signature bypass with duplicate cookie names",
    project: "express",
    status: "TRIAGE",
    ago: 120,
    ack: 50,
    reply: 30,
    handler: "luis",
    reporter: ["Dev Patel", "dev@patel.example"],
  },
  {
    title: "Denial of service via long Content-Type parameters",
    project: "body-parser",
    status: "TRIAGE",
    ago: 88,
    ack: 6,
    handler: "hana",
    reporter: ["Yuki Tanaka", "yuki@tanaka.example"],
    waiting: true,
  },
  {
    title: "Trust proxy setting ignored for IPv6-mapped addresses",
    project: "express",
    status: "TRIAGE",
    ago: 200,
    ack: 10,
    reply: 20,
    handler: "luis",
    reporter: ["Omar Haddad", "omar@haddad.example"],
  },
  {
    title: "XSS in default error handler when NODE_ENV is unset",
    ranges: [{ introduced: "4.0.0" }],
    project: "express",
    status: "CONFIRMED",
    severity: "MEDIUM",
    ago: 300,
    ack: 12,
    reply: 30,
    handler: "hana",
    reporter: ["Lena Vogel", "lena@vogel.example"],
    labels: ["xss"],
  },
  {
    title: "Host header poisoning in req.hostname behind proxies",
    ranges: [
      { introduced: "4.10.0", fixed: "4.21.3" },
      { introduced: "5.0.0", fixed: "5.1.1" },
    ],
    project: "express",
    status: "CONFIRMED",
    severity: "HIGH",
    ago: 500,
    ack: 40,
    reply: 60,
    handler: "luis",
    reporter: ["Chen Wei", "chen@wei.example"],
  },
  {
    title: "Charset confusion lets UTF-7 bodies bypass filters",
    ranges: [{ introduced: "1.0.0", fixed: "1.20.4" }],
    project: "body-parser",
    status: "CONFIRMED",
    severity: "LOW",
    ago: 900,
    ack: 8,
    reply: 20,
    handler: "hana",
    reporter: ["Ana Souza", "ana@souza.example"],
  },
  {
    title: "Unbounded memory in urlencoded parser with many parameters",
    ranges: [
      { introduced: "0", fixed: "1.20.3" },
      { introduced: "2.0.0", fixed: "2.2.1" },
    ],
    project: "body-parser",
    status: "FIXING",
    severity: "HIGH",
    ago: 800,
    ack: 5,
    reply: 12,
    handler: "luis",
    reporter: ["Piotr Nowak", "piotr@nowak.example"],
    labels: ["dos"],
  },
  {
    title: "res.sendFile follows symlinks outside root",
    ranges: [{ introduced: "0", fixed: "4.21.3" }, { introduced: "5.0.0" }],
    project: "express",
    status: "FIXING",
    severity: "CRITICAL",
    ago: 240,
    ack: 2,
    reply: 10,
    handler: "hana",
    reporter: ["Grace Liu", "grace@liu.example"],
  },
  {
    title: "Route parameter regex allows catastrophic backtracking",
    ranges: [{ introduced: "0", fixed: "5.0.0" }],
    project: "express",
    status: "FIXING",
    severity: "MEDIUM",
    ago: 2000,
    ack: 30,
    reply: 40,
    handler: "luis",
    update: 200,
    reporter: ["Max Müller", "max@mueller.example"],
  },
  {
    title: "Query parser accepts __proto__ keys with extended mode",
    ranges: [
      { introduced: "4.17.0", fixed: "4.21.3" },
      { introduced: "5.0.0", fixed: "5.1.1" },
      { introduced: "6.0.0-alpha.1", fixed: "6.0.0-beta.1" },
    ],
    project: "express",
    status: "FIXING",
    severity: "HIGH",
    ago: 1100,
    ack: 70,
    reply: 10,
    handler: "admin",
    reporter: ["Zoë Martin", "zoe@martin.example"],
    labels: ["late-ack"],
  },
  {
    title: "Open redirect in res.location() with backslashes",
    ranges: [
      { introduced: "4.0.0", fixed: "4.21.2" },
      { introduced: "5.0.0", fixed: "5.1.0" },
    ],
    project: "express",
    status: "RELEASE_PENDING",
    severity: "MEDIUM",
    ago: 1500,
    ack: 20,
    reply: 24,
    handler: "hana",
    reporter: ["Raj Iyer", "raj@iyer.example"],
  },
  {
    title: "JSON parser strict mode bypass with leading whitespace",
    ranges: [
      { introduced: "1.15.0", fixed: "1.20.3" },
      { introduced: "2.0.0", fixed: "2.2.0" },
    ],
    project: "body-parser",
    status: "RELEASE_PENDING",
    severity: "LOW",
    ago: 1900,
    ack: 10,
    reply: 30,
    handler: "luis",
    update: 150,
    reporter: ["Eva Horvat", "eva@horvat.example"],
  },
  {
    title: "XSS in res.redirect() HTML body",
    ranges: [
      { introduced: "0", fixed: "4.20.0" },
      { introduced: "5.0.0-alpha.1", fixed: "5.0.0" },
    ],
    project: "express",
    status: "DISCLOSED",
    severity: "MEDIUM",
    ago: 4000,
    ack: 15,
    reply: 30,
    handler: "hana",
    cve: "CVE-2024-43796",
    reporter: ["Noah Kim", "noah@kim.example"],
  },
  {
    title: "Denial of service when URL encoding is enabled",
    project: "body-parser",
    status: "DISCLOSED",
    severity: "HIGH",
    ago: 5000,
    ack: 6,
    reply: 20,
    handler: "luis",
    cve: "CVE-2024-45590",
    reporter: ["Lina Saleh", "lina@saleh.example"],
  },
  {
    title: "Open redirect with malformed URLs in res.location()",
    project: "express",
    status: "DISCLOSED",
    severity: "MEDIUM",
    ago: 6000,
    ack: 60,
    reply: 50,
    handler: "hana",
    cve: "CVE-2024-29041",
    reporter: ["Jon Ek", "jon@ek.example"],
    labels: ["late-ack"],
  },
  {
    title: "Prototype pollution in query parsing (qs)",
    project: "express",
    status: "DISCLOSED",
    severity: "HIGH",
    ago: 7000,
    ack: 20,
    reply: 30,
    handler: "luis",
    cve: "CVE-2022-24999",
    reporter: ["Ravi Shah", "ravi@shah.example"],
  },
  {
    title: "Crash on malformed Content-Length with chunked encoding",
    project: "body-parser",
    status: "DISCLOSED",
    severity: "LOW",
    ago: 3000,
    ack: 4,
    reply: 8,
    handler: "hana",
    reporter: ["Mia Rossi", "mia@rossi.example"],
  },
  {
    title: "Self-XSS in a demo app's template",
    project: "express",
    status: "CLOSED",
    resolution: "REJECTED",
    ago: 400,
    ack: 10,
    reply: 10,
    handler: "luis",
    reporter: ["Beginner Bob", "bob@mail.example"],
  },
  {
    title: "Open redirect in res.redirect() (same as an earlier report)",
    project: "express",
    status: "CLOSED",
    resolution: "DUPLICATE",
    ago: 250,
    ack: 5,
    handler: "hana",
    reporter: ["Ida Berg", "ida@berg.example"],
  },
  {
    title: "Vulnerability in multer file upload limits",
    project: "express",
    status: "CLOSED",
    resolution: "THIRD_PARTY",
    ago: 600,
    ack: 12,
    reply: 4,
    handler: "luis",
    reporter: ["Felix Wagner", "felix@wagner.example"],
  },
  {
    title: "Timing attack on cookie comparison (withdrawn by reporter)",
    project: "express",
    status: "CLOSED",
    resolution: "WITHDRAWN",
    ago: 700,
    ack: 20,
    handler: "hana",
    reporter: ["Alma Ruiz", "alma@ruiz.example"],
  },
  {
    title: "Request smuggling with conflicting Transfer-Encoding headers",
    project: null,
    status: "NEW",
    ago: 47,
    reporter: ["Hugo Lefèvre", "hugo@lefevre.example"],
  },
  {
    title: "Weak ETag generation leaks file sizes",
    project: "express",
    status: "TRIAGE",
    ago: 160,
    ack: 47,
    handler: "admin",
    reporter: ["Nora Quinn", "nora@quinn.example"],
  },
  {
    title: "Raw body limit ignored for gzip-encoded requests",
    ranges: [{ introduced: "2.0.0" }],
    project: "body-parser",
    status: "CONFIRMED",
    severity: "CRITICAL",
    ago: 180,
    ack: 3,
    reply: 5,
    handler: "luis",
    reporter: ["Theo Adams", "theo@adams.example"],
    labels: ["dos"],
  },
];

const HOUR = 3_600_000;

function bodyFor(spec: Spec): string {
  return [
    `## Summary`,
    ``,
    // identifiers as code, as a reporter would write them (so __proto__ is not read as bold)
    `${spec.title.replace(/(__\w+__|\b[\w.]+\(\))/g, "`$1`")}.`,
    ``,
    `## Steps to reproduce`,
    ``,
    "```js",
    `const express = require('express')`,
    `const app = express()`,
    `app.get('/', (req, res) => res.send('ok'))`,
    `app.listen(3000)`,
    "```",
    ``,
    `Then send the request described below and observe the behaviour.`,
    ``,
    `## Impact`,
    ``,
    `An attacker can trigger this remotely without authentication.`,
  ].join("\n");
}

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
      const express = await tx.project.create({
        data: {
          slug: "express",
          name: "Express",
          packageName: "express",
          repositoryUrl: "https://github.com/expressjs/express",
          lines: {
            create: [
              { name: "5.x", range: ">=5.0.0 <6.0.0-0", latest: "5.1.0", status: "MAINTAINED", position: 0 },
              { name: "4.x", range: ">=4.0.0 <5.0.0-0", latest: "4.21.2", status: "MAINTAINED", position: 1 },
              { name: "6.x", range: ">=6.0.0-0 <7.0.0-0", latest: "6.0.0-beta.1", status: "PRERELEASE", position: 2 },
              {
                name: "3.x",
                range: ">=3.0.0 <4.0.0-0",
                latest: "3.21.2",
                status: "EOL",
                eolDate: new Date("2022-10-01"),
                position: 3,
              },
            ],
          },
        },
      });
      const bodyParser = await tx.project.create({
        data: {
          slug: "body-parser",
          name: "body-parser",
          packageName: "body-parser",
          repositoryUrl: "https://github.com/expressjs/body-parser",
          lines: {
            create: [
              { name: "2.x", range: ">=2.0.0 <3.0.0-0", latest: "2.2.0", status: "MAINTAINED", position: 0 },
              { name: "1.x", range: ">=1.0.0 <2.0.0-0", latest: "1.20.3", status: "MAINTAINED", position: 1 },
            ],
          },
        },
      });
      const projects = { express: express.id, "body-parser": bodyParser.id };
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
        const reached = (s: Spec["status"]) =>
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
        const report = await tx.report.create({
          data: {
            key,
            year,
            seq,
            title: spec.title,
            body: bodyFor(spec),
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
            {
              reportId: report.id,
              at: ackAt,
              kind: "status_changed",
              visibility: "INTERNAL",
              actorType: "USER",
              actorId: handler ?? users.admin,
              data: { from: "NEW", to: "TRIAGE" },
            },
            {
              reportId: report.id,
              at: ackAt,
              kind: "message",
              visibility: "REPORTER",
              actorType: "USER",
              actorId: handler ?? users.admin,
              body: "Thank you for your report. We have received it and a member of the security team is looking at it. We will follow up with a detailed response.",
            },
          );
        }
        if (ackAt && spec.status !== "NEW") {
          events.push({
            reportId: report.id,
            at: new Date(ackAt.getTime() + 30 * 60_000),
            kind: "note",
            visibility: "INTERNAL",
            actorType: "USER",
            actorId: handler ?? users.admin,
            body: "Reproduced locally on the latest 4.x. Checking 5.x next.",
          });
        }
        if (replyAt) {
          events.push({
            reportId: report.id,
            at: replyAt,
            kind: "message",
            visibility: "REPORTER",
            actorType: "USER",
            actorId: handler ?? users.admin,
            body: "We have confirmed the behaviour you describe and are working out which release lines are affected. Next step: a fix for every maintained line. We will keep you informed at least weekly.",
          });
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
          events.push({
            reportId: report.id,
            at: updateAt,
            kind: "message",
            visibility: "REPORTER",
            actorType: "USER",
            actorId: handler ?? users.admin,
            body: "A quick update: the fix is under review for every maintained release line. We will write again when a release date is set.",
          });
        }
        if (confirmedAt) {
          events.push({
            reportId: report.id,
            at: confirmedAt,
            kind: "status_changed",
            visibility: "INTERNAL",
            actorType: "USER",
            actorId: handler ?? users.admin,
            data: { from: "TRIAGE", to: "CONFIRMED" },
          });
        }
        if (disclosedAt) {
          events.push({
            reportId: report.id,
            at: disclosedAt,
            kind: "message",
            visibility: "REPORTER",
            actorType: "USER",
            actorId: handler ?? users.admin,
            body: `The fix has been released and the advisory${spec.cve ? ` (${spec.cve})` : ""} is public. Thank you for reporting it responsibly.`,
          });
        }
        if (closedAt) {
          events.push({
            reportId: report.id,
            at: closedAt,
            kind: "status_changed",
            visibility: "INTERNAL",
            actorType: "USER",
            actorId: handler ?? users.admin,
            data: { from: "TRIAGE", to: "CLOSED", resolution: spec.resolution },
          });
        }
        await tx.timelineEvent.createMany({ data: events });
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
