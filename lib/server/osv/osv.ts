import "server-only";

import { scoreCvss } from "@/lib/domain/cvss";
import { eventsFromRanges } from "@/lib/domain/matrix-row";
import type { ImportedAdvisory } from "@/lib/domain/osv";
import { fromOsv, osvRecord } from "@/lib/domain/osv";
import { osvImportProblems } from "@/lib/domain/osv-validate";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { actorUserId, authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";
import { publishReportChange } from "@/lib/server/infra/live";
import { reportBodyData } from "@/lib/server/infra/sealed";
import { parseInput } from "@/lib/server/infra/validate";
import { createReport } from "@/lib/server/reports/intake";
import { recordEvent } from "@/lib/server/reports/timeline";

// OSV import: create a report, or update the one it already is (by id and aliases).

const IMPORT_REPORTER = { email: "advisories@import.invalid", name: "Imported advisory" };

function reportFields(a: ImportedAdvisory) {
  return {
    osvId: a.id,
    aliases: a.aliases,
    title: a.title,
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
            ? {
                ...fields,
                ...(await reportBodyData(tx, reportId, advisory.body)),
                osvId,
                aliases,
                projectId: project.id,
              }
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
          actorId: actorUserId(actor),
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
      await recordEvent(tx, actor, reportId, {
        kind: created ? "osv_imported" : "osv_updated",
        // the record as received is kept, encrypted like every body (an advisory may still be embargoed)
        body: JSON.stringify(raw),
        data: { id: advisory.id, aliases: advisory.aliases },
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
