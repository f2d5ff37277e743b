import "server-only";

import { cveContainer } from "@/lib/domain/cve";
import { rangesFromEvents, rowCells } from "@/lib/domain/matrix-row";
import { toOsv } from "@/lib/domain/osv";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { openReportBody } from "@/lib/server/infra/sealed";
import { matrixInclude, matrixReport, projectLinesInclude } from "@/lib/server/matrix/matrix";
import { getReportOrThrow } from "@/lib/server/reports/get-report-or-throw";

// A report exported as an OSV record or as a CVE record's CNA container.

/** GET /api/v1/reports/{key}/osv: the report as an OSV record, with every fixed version. */
export async function exportOsv(actor: Actor | null, key: string) {
  authorize(actor, "reports.read");
  // getReportOrThrow takes a transaction client (its type does not accept db() itself)
  const report = await db().$transaction((tx) =>
    getReportOrThrow(tx, key, {
      include: {
        reporter: true,
        ...matrixInclude,
        affected: { orderBy: { position: "asc" } },
        project: { include: projectLinesInclude },
      },
    }),
  );
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
    body: openReportBody(report),
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
  const report = await db().$transaction((tx) =>
    getReportOrThrow(tx, key, {
      include: { reporter: true, ...matrixInclude, project: { include: projectLinesInclude } },
    }),
  );
  const lines = report.project ? rowCells(matrixReport(report), report.project) : [];
  const pref = report.creditPreference;
  const credit =
    report.source === "IMPORT" || pref === "NONE" ? null : pref === "ANONYMOUS" ? "Anonymous" : report.creditName;
  const repo = report.project?.repositoryUrl ?? null;
  return cveContainer({
    title: report.title,
    description: openReportBody(report),
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
