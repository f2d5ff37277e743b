import "server-only";

import { cveContainer } from "@/lib/domain/cve";
import { scoreCvss } from "@/lib/domain/cvss";
import { eventsFromRanges, rangesFromEvents, rowCells } from "@/lib/domain/matrix-row";
import type { ImportedAdvisory } from "@/lib/domain/osv";
import { fromOsv, osvRecord, toOsv } from "@/lib/domain/osv";
import { osvImportProblems } from "@/lib/domain/osv-validate";
import { isReportKey } from "@/lib/domain/report-key";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { actorLabel, actorUserId, authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";
import { publishReportChange } from "@/lib/server/infra/live";
import { parseInput } from "@/lib/server/infra/validate";
import { matrixInclude, matrixReport, projectLinesInclude } from "@/lib/server/matrix/matrix";
import { createReport } from "@/lib/server/reports/reports";

// OSV import (create or update by id and aliases) and export.

const IMPORT_REPORTER = { email: "advisories@import.invalid", name: "Imported advisory" };

function reportFields(a: ImportedAdvisory) {
  return {
    osvId: a.id,
    aliases: a.aliases,
    title: a.title,
    body: a.body,
    cvssVector: a.cvssVector,
    cvssScore: null as number | null,
    severity: a.severity,
    cweIds: a.cweIds,
    cveId: a.cveId,
    ghsaId: a.ghsaId,
    advisoryUrl: a.advisoryUrl,
    credits: a.credits as Prisma.InputJsonValue,
  };
}

/** POST /api/v1/import/osv: creates a report from an OSV record, or updates the one it already is. */
export async function importOsv(actor: Actor | null, raw: unknown): Promise<{ key: string; created: boolean }> {
  authorize(actor, "reports.write");
  const problems = osvImportProblems(raw);
  if (problems.length) {
    const first = problems.slice(0, 5);
    throw new DomainError(
      "bad_request",
      `Not an OSV record: ${first.map((p) => `${p.path === "_" ? "record" : p.path} ${p.message}`).join("; ")}`,
      {
        fields: Object.fromEntries(first.map((p) => [p.path, p.message])),
      },
    );
  }
  const advisory = fromOsv(parseInput(osvRecord, raw));
  if (!advisory.packages.length) throw new DomainError("rule_violated", "The record names no affected package.");
  const ids = [advisory.id, ...advisory.aliases];
  const importOnce = () =>
    db().$transaction(async (tx) => {
      const projects = await tx.project.findMany({
        where: {
          OR: [
            { packageName: { in: advisory.packages.map((p) => p.name) } },
            { slug: { in: advisory.packages.map((p) => p.name) } },
          ],
        },
      });
      const project = projects[0];
      if (!project) {
        throw new DomainError(
          "rule_violated",
          `No project tracks the package ${advisory.packages.map((p) => `"${p.name}"`).join(", ")}. Add a project with that npm package name first.`,
          {
            fields: { "affected.0.package.name": "No project tracks this package" },
          },
        );
      }
      const existing = await tx.report.findFirst({
        where: {
          OR: [
            { osvId: { in: ids } },
            { aliases: { hasSome: ids } },
            ...(advisory.cveId ? [{ cveId: advisory.cveId }] : []),
            ...(advisory.ghsaId ? [{ ghsaId: advisory.ghsaId }] : []),
          ],
        },
        select: {
          id: true,
          key: true,
          osvId: true,
          aliases: true,
          source: true,
          cveId: true,
          ghsaId: true,
          cvssVector: true,
          severity: true,
          cweIds: true,
          advisoryUrl: true,
        },
      });
      const fields = reportFields(advisory);
      if (fields.cvssVector) {
        const scored = scoreCvss(fields.cvssVector);
        fields.cvssScore = scored.ok ? scored.score : null;
      }
      let reportId: string;
      let key: string;
      let created = false;
      if (existing) {
        reportId = existing.id;
        key = existing.key;
        // the report keeps the id it was first imported under; every other id becomes an alias
        const osvId = existing.osvId ?? advisory.id;
        const aliases = [...new Set([...existing.aliases, ...ids])].filter((a) => a !== osvId);
        // a report that came from a reporter keeps their words and the team's triage; the advisory only fills gaps
        const data =
          existing.source === "IMPORT"
            ? { ...fields, osvId, aliases, projectId: project.id }
            : {
                osvId,
                aliases,
                cveId: existing.cveId ?? fields.cveId,
                ghsaId: existing.ghsaId ?? fields.ghsaId,
                advisoryUrl: existing.advisoryUrl ?? fields.advisoryUrl,
                cweIds: existing.cweIds.length ? existing.cweIds : fields.cweIds,
                ...(existing.cvssVector ? {} : { cvssVector: fields.cvssVector, cvssScore: fields.cvssScore }),
                ...(existing.severity ? {} : { severity: fields.severity }),
              };
        await tx.report.update({ where: { id: reportId }, data: { ...data, version: { increment: 1 } } });
      } else {
        const made = await createReport(tx, {
          title: advisory.title,
          body: advisory.body,
          reporterEmail: IMPORT_REPORTER.email,
          reporterName: IMPORT_REPORTER.name,
          projectId: project.id,
          source: "IMPORT",
          notify: false,
        });
        reportId = made.id;
        key = made.key;
        created = true;
        await tx.report.update({ where: { id: reportId }, data: fields });
      }
      // ranges the team determined on a reporter's report are theirs; an advisory fills them only when empty
      const keepRanges =
        existing && existing.source !== "IMPORT" && (await tx.affectedRange.count({ where: { reportId } })) > 0;
      if (!keepRanges) {
        await tx.affectedRange.deleteMany({ where: { reportId } });
        await tx.affectedRange.createMany({
          data: advisory.packages.map((p, position) => ({
            reportId,
            package: p.name,
            ecosystem: p.ecosystem,
            events: eventsFromRanges(p.ranges),
            position,
          })),
        });
      }
      await tx.timelineEvent.create({
        data: {
          reportId,
          kind: created ? "osv_imported" : "osv_updated",
          visibility: "INTERNAL",
          actorType: actor.kind === "user" ? "USER" : "SYSTEM",
          actorId: actorUserId(actor),
          actorLabel: actorLabel(actor),
          data: { id: advisory.id, aliases: advisory.aliases, record: raw as Prisma.InputJsonValue },
        },
      });
      await audit(tx, actor, {
        action: created ? "report.import" : "report.reimport",
        entityType: "report",
        entityId: reportId,
        after: { osvId: advisory.id },
      });
      return { key, created };
    });
  let result: { key: string; created: boolean };
  try {
    result = await importOnce();
  } catch (error) {
    // the same advisory imported twice at once: one creates the report, the other finds it on a second try
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    result = await importOnce();
  }
  publishReportChange({ key: result.key });
  return result;
}

/** GET /api/v1/reports/{key}/osv: the report as an OSV record, with every fixed version. */
export async function exportOsv(actor: Actor | null, key: string) {
  authorize(actor, "reports.read");
  if (!isReportKey(key)) throw new DomainError("not_found", "No such report.");
  const report = await db().report.findUnique({
    where: { key },
    include: {
      reporter: true,
      ...matrixInclude,
      affected: { orderBy: { position: "asc" } },
      project: { include: projectLinesInclude },
    },
  });
  if (!report) throw new DomainError("not_found", "No such report.");
  // OSV ids start with a registered home database's prefix; an Embargo key is not one, so it is the id
  // only while the report has no GHSA or CVE id (docs/versions.md), and an alias otherwise
  const id = report.osvId ?? report.ghsaId ?? report.cveId ?? report.key;
  const aliases = [
    ...new Set(
      [report.key, report.cveId, report.ghsaId, ...report.aliases].filter((a): a is string => !!a && a !== id),
    ),
  ];
  const packageName = report.project?.packageName ?? report.project?.slug;
  const packages = report.affected.map((a) => ({
    name: a.package,
    ecosystem: a.ecosystem === "npm" ? "npm" : a.ecosystem,
    ranges: rangesFromEvents(a.events),
  }));
  // the handlers' word per line, as the matrix shows it: an overridden cell that is fixed (or fixed in a release
  // not out yet) at a version; a fixed version kept on a cell now marked affected or won't fix says nothing
  const handFixes = (report.project ? rowCells(matrixReport(report), report.project) : []).flatMap((c) =>
    c.overridden && (c.state === "fixed" || c.state === "fix_pending") && c.version
      ? [{ lineRange: c.range, version: c.version }]
      : [],
  );
  const imported = Array.isArray(report.credits) ? (report.credits as { name: string }[]) : null;
  const pref = report.creditPreference;
  const credit =
    report.source === "IMPORT"
      ? imported?.[0]
        ? { name: imported[0].name, type: "FINDER" as const }
        : null
      : pref === "NONE"
        ? null
        : { name: pref === "ANONYMOUS" ? "Anonymous" : (report.creditName ?? "Anonymous"), type: "FINDER" as const };
  return toOsv({
    id,
    aliases,
    title: report.title,
    body: report.body,
    modified: report.updatedAt,
    published: report.disclosedAt,
    cvssVector: report.cvssVector,
    severity: report.severity,
    cweIds: report.cweIds,
    advisoryUrl: report.advisoryUrl,
    credit,
    packages,
    handFixes: packageName ? { [packageName]: handFixes } : {},
  });
}

/** GET /api/v1/reports/{key}/cve: the CNA container of a CVE JSON 5 record, versions per release line. */
export async function exportCve(actor: Actor | null, key: string) {
  authorize(actor, "reports.read");
  if (!isReportKey(key)) throw new DomainError("not_found", "No such report.");
  const report = await db().report.findUnique({
    where: { key },
    include: { reporter: true, ...matrixInclude, project: { include: projectLinesInclude } },
  });
  if (!report) throw new DomainError("not_found", "No such report.");
  const lines = report.project ? rowCells(matrixReport(report), report.project) : [];
  const pref = report.creditPreference;
  const credit =
    report.source === "IMPORT" || pref === "NONE" ? null : pref === "ANONYMOUS" ? "Anonymous" : report.creditName;
  const repo = report.project?.repositoryUrl ?? null;
  return cveContainer({
    title: report.title,
    description: report.body,
    vendor: repo
      ? (/github\.com\/([^/]+)/.exec(repo)?.[1] ?? report.project!.name)
      : (report.project?.name ?? "unknown"),
    product: report.project?.packageName ?? report.project?.name ?? "unknown",
    packageName: report.project?.packageName ?? null,
    repositoryUrl: repo,
    cweIds: report.cweIds,
    cvss: report.cvssVector ? { vector: report.cvssVector, score: report.cvssScore, severity: report.severity } : null,
    advisoryUrl: report.advisoryUrl,
    credit,
    lines: lines.map((l) => ({ ...l, name: l.line })),
  });
}
