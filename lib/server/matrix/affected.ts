import "server-only";

import semver from "semver";

import type { Line } from "@/lib/domain/matrix";
import { validateRange } from "@/lib/domain/matrix";
import { eventsFromRanges } from "@/lib/domain/matrix-row";
import { DomainError } from "@/lib/errors";
import { affectedInput, overrideInput } from "@/lib/schemas/projects";
import type { Actor } from "@/lib/server/auth/actor";
import { actorUserId, authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { publishReportChange } from "@/lib/server/infra/live";
import { parseInput } from "@/lib/server/infra/validate";
import { matrixStateToDb } from "@/lib/server/matrix/matrix";
import { getReportOrThrow } from "@/lib/server/reports/get-report-or-throw";
import { recordEvent } from "@/lib/server/reports/timeline";

// A report's place in the matrix as the team writes it: its OSV-style
// affected ranges, and a handler's override of one cell.

/** The version the caller read must still be current (no version given: no check). */
function expectVersion(key: string, report: { version: number }, expected: number | undefined) {
  if (expected !== undefined && expected !== report.version) {
    throw new DomainError("conflict", `${key} changed since you read it (current version ${report.version}).`, {
      fields: { version: `current version is ${report.version}` },
    });
  }
}

/** Bumps the report's version, unless someone else changed it inside this write. */
async function bumpVersion(tx: Tx, key: string, report: { id: string; version: number }) {
  const bumped = await tx.report.updateMany({
    where: { id: report.id, version: report.version },
    data: { version: { increment: 1 } },
  });
  if (bumped.count !== 1) throw new DomainError("conflict", `${key} changed while saving; try again.`);
}

/** PUT /api/v1/reports/{key}/affected: replaces the report's OSV-style ranges. */
export async function setAffected(actor: Actor | null, key: string, raw: unknown) {
  authorize(actor, "reports.write");
  const input = parseInput(affectedInput, raw);
  const fields: Record<string, string> = {};
  input.affected.forEach((a, i) =>
    a.ranges.forEach((r, j) => {
      const problem = validateRange(r);
      if (problem) fields[`affected.${i}.ranges.${j}`] = problem;
    }),
  );
  if (Object.keys(fields).length) throw new DomainError("bad_request", Object.values(fields)[0]!, { fields });
  await db().$transaction(async (tx) => {
    const report = await getReportOrThrow(tx, key, {
      include: { affected: true, project: { select: { ecosystem: true } } },
    });
    expectVersion(key, report, input.version);
    await tx.affectedRange.deleteMany({ where: { reportId: report.id } });
    await tx.affectedRange.createMany({
      data: input.affected.map((a, position) => ({
        reportId: report.id,
        package: a.package,
        ecosystem: a.ecosystem ?? report.project?.ecosystem ?? "npm",
        events: eventsFromRanges(a.ranges),
        position,
      })),
    });
    await bumpVersion(tx, key, report);
    await recordEvent(tx, actor, report.id, { kind: "affected_changed", data: { affected: input.affected } });
    await audit(tx, actor, {
      action: "report.affected",
      entityType: "report",
      entityId: report.id,
      before: report.affected.map((a) => ({ package: a.package, events: a.events })),
      after: input.affected,
    });
  });
  publishReportChange({ key });
}

/** A fixed version names a release of its line, written as semver writes it. */
function fixedVersionIn(line: Pick<Line, "name" | "range">, text: string | null | undefined): string | null {
  if (!text) return null;
  const version = semver.valid(text);
  if (!version)
    throw new DomainError("bad_request", `"${text}" is not a version.`, {
      fields: { fixedVersion: "Not a semver version" },
    });
  if (!semver.satisfies(version, line.range, { includePrerelease: true }))
    throw new DomainError("bad_request", `${version} is not in ${line.name} (${line.range}).`, {
      fields: { fixedVersion: `Not in ${line.range}` },
    });
  return version;
}

/** PUT /api/v1/reports/{key}/matrix/{line}: a handler's override of one cell (all fields null clears it). */
export async function setOverride(actor: Actor | null, key: string, lineName: string, raw: unknown) {
  authorize(actor, "reports.write");
  const input = parseInput(overrideInput, raw);
  await db().$transaction(async (tx) => {
    const report = await getReportOrThrow(tx, key, { include: { project: { include: { lines: true } } } });
    const line = report.project?.lines.find((l) => l.name === lineName);
    if (!line) throw new DomainError("not_found", `No release line "${lineName}" in this report's project.`);
    expectVersion(key, report, input.version);
    const data = {
      state: input.state ? matrixStateToDb(input.state) : null,
      fixedVersion: fixedVersionIn(line, input.fixedVersion),
      fixRef: input.fixRef || null,
      note: input.note || null,
    };
    const empty = !data.state && !data.fixedVersion && !data.fixRef && !data.note;
    if (empty) await tx.matrixOverride.deleteMany({ where: { reportId: report.id, lineId: line.id } });
    else
      await tx.matrixOverride.upsert({
        where: { reportId_lineId: { reportId: report.id, lineId: line.id } },
        create: { reportId: report.id, lineId: line.id, lineName: line.name, updatedById: actorUserId(actor), ...data },
        update: { ...data, updatedById: actorUserId(actor) },
      });
    await bumpVersion(tx, key, report);
    await recordEvent(tx, actor, report.id, { kind: "matrix_override", data: { line: line.name, ...input } });
    await audit(tx, actor, {
      action: "report.override",
      entityType: "report",
      entityId: report.id,
      after: { line: line.name, ...input },
    });
  });
  publishReportChange({ key });
}
