import "server-only";

import semver from "semver";

import { linesOverlap, validateLine, validateRange } from "@/lib/domain/matrix";
import type { Packument } from "@/lib/domain/npm-lines";
import { suggestLines } from "@/lib/domain/npm-lines";
import { isReportKey } from "@/lib/domain/report-key";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { affectedInput, linesInput, overrideInput, projectInput } from "@/lib/schemas/projects";
import type { Actor } from "@/lib/server/auth/actor";
import { actorLabel, actorUserId, authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";
import { publishReportChange } from "@/lib/server/infra/live";
import { parseInput } from "@/lib/server/infra/validate";
import { eventsFromRanges, matrixStateToDb, projectLinesInclude, sortLines } from "@/lib/server/matrix/matrix";

// Projects, their release lines, and each report's affected ranges and
// per-line overrides.

const lineView = (l: {
  name: string;
  range: string;
  latest: string | null;
  status: string;
  eolDate: Date | null;
  position: number;
}) => ({
  name: l.name,
  range: l.range,
  latest: l.latest,
  status: l.status,
  eolDate: l.eolDate ? l.eolDate.toISOString().slice(0, 10) : null,
  position: l.position,
});

export async function listProjects(actor: Actor | null) {
  authorize(actor, "projects.read");
  return db().project.findMany({
    orderBy: { name: "asc" },
    include: {
      ...projectLinesInclude,
      _count: { select: { reports: { where: { status: { notIn: ["DISCLOSED", "CLOSED"] } } } } },
    },
  });
}

/** The API's view of projects. */
export async function listProjectsView(actor: Actor | null) {
  const projects = await listProjects(actor);
  return projects.map((p) => ({
    slug: p.slug,
    name: p.name,
    packageName: p.packageName,
    repositoryUrl: p.repositoryUrl,
    openReports: p._count.reports,
    lines: sortLines(p.lines).map(lineView),
  }));
}

/** The npm package a project's ranges are recorded for (its slug when it has none). */
export async function projectPackage(slug: string): Promise<string | null> {
  const row = await db().project.findUnique({ where: { slug }, select: { packageName: true, slug: true } });
  return row ? (row.packageName ?? row.slug) : null;
}

/** Projects anyone may name on the public form (slug and name only). */
export async function listPublicProjects() {
  return db().project.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}

export async function createProject(actor: Actor | null, raw: unknown) {
  authorize(actor, "projects.write");
  const input = parseInput(projectInput, raw);
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.project.create({
        data: {
          slug: input.slug,
          name: input.name,
          packageName: input.packageName || null,
          repositoryUrl: input.repositoryUrl || null,
        },
      });
      await audit(tx, actor, { action: "project.create", entityType: "project", entityId: row.id, after: input });
      return {
        slug: row.slug,
        name: row.name,
        packageName: row.packageName,
        repositoryUrl: row.repositoryUrl,
        openReports: 0,
        lines: [],
      };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const field = String((error.meta as { target?: string[] } | undefined)?.target ?? "").includes("packageName")
        ? "packageName"
        : "slug";
      throw new DomainError(
        "conflict",
        `A project with that ${field === "slug" ? "slug" : "package name"} already exists.`,
        { fields: { [field]: "Already in use" } },
      );
    }
    throw error;
  }
}

/**
 * Replaces a project's release lines. Lines keep their identity by name, so
 * overrides stay attached; overrides of a removed line are kept (with the
 * line's name) and reported back, never silently deleted.
 */
export async function replaceLines(actor: Actor | null, slug: string, raw: unknown) {
  authorize(actor, "projects.write");
  const { lines } = parseInput(linesInput, raw);
  const fields: Record<string, string> = {};
  lines.forEach((line, i) => {
    const problem = validateLine({ range: line.range, latest: line.latest ?? null });
    if (problem) fields[`lines.${i}.${problem.field}`] = problem.message;
  });
  const names = new Set<string>();
  lines.forEach((line, i) => {
    if (names.has(line.name)) fields[`lines.${i}.name`] = `Another line is also called ${line.name}`;
    names.add(line.name);
  });
  if (!Object.keys(fields).length) {
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        if (linesOverlap(lines[i]!.range, lines[j]!.range))
          fields[`lines.${j}.range`] =
            `${lines[j]!.name} (${lines[j]!.range}) overlaps ${lines[i]!.name} (${lines[i]!.range})`;
      }
    }
  }
  if (Object.keys(fields).length) throw new DomainError("bad_request", Object.values(fields)[0]!, { fields });

  return db().$transaction(async (tx) => {
    const project = await tx.project.findUnique({ where: { slug }, include: projectLinesInclude });
    if (!project) throw new DomainError("not_found", `No project "${slug}".`);
    const removed = project.lines.filter((l) => !names.has(l.name));
    const orphaned = removed.length
      ? await tx.matrixOverride.findMany({
          where: { lineId: { in: removed.map((l) => l.id) } },
          include: { report: { select: { key: true } } },
        })
      : [];
    await tx.releaseLine.deleteMany({ where: { id: { in: removed.map((l) => l.id) } } });
    for (const [position, line] of lines.entries()) {
      const data = {
        range: line.range,
        latest: line.latest || null,
        status: line.status,
        eolDate: line.eolDate ? new Date(line.eolDate) : null,
        position,
      };
      await tx.releaseLine.upsert({
        where: { projectId_name: { projectId: project.id, name: line.name } },
        create: { projectId: project.id, name: line.name, ...data },
        update: data,
      });
    }
    await audit(tx, actor, {
      action: "project.lines",
      entityType: "project",
      entityId: project.id,
      before: project.lines.map(lineView),
      after: lines,
    });
    const after = await tx.releaseLine.findMany({ where: { projectId: project.id }, orderBy: [{ position: "asc" }] });
    return {
      project: project.slug,
      lines: sortLines(after).map(lineView),
      orphanedOverrides: orphaned.map((o) => ({
        report: o.report.key,
        line: o.lineName,
        state: o.state?.toLowerCase() ?? null,
        fixedVersion: o.fixedVersion,
        note: o.note,
      })),
    };
  });
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
  if (!isReportKey(key)) throw new DomainError("not_found", "No such report.");
  await db().$transaction(async (tx) => {
    const report = await tx.report.findUnique({ where: { key }, include: { affected: true } });
    if (!report) throw new DomainError("not_found", "No such report.");
    if (input.version !== undefined && input.version !== report.version) {
      throw new DomainError("conflict", `${key} changed since you read it (current version ${report.version}).`, {
        fields: { version: `current version is ${report.version}` },
      });
    }
    await tx.affectedRange.deleteMany({ where: { reportId: report.id } });
    await tx.affectedRange.createMany({
      data: input.affected.map((a, position) => ({
        reportId: report.id,
        package: a.package,
        ecosystem: a.ecosystem ?? "npm",
        events: eventsFromRanges(a.ranges),
        position,
      })),
    });
    const updated = await tx.report.updateMany({
      where: { id: report.id, version: report.version },
      data: { version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new DomainError("conflict", `${key} changed while saving; try again.`);
    await tx.timelineEvent.create({
      data: {
        reportId: report.id,
        kind: "affected_changed",
        visibility: "INTERNAL",
        actorType: actor.kind === "user" ? "USER" : "SYSTEM",
        actorId: actorUserId(actor),
        actorLabel: actorLabel(actor),
        data: { affected: input.affected },
      },
    });
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

/** PUT /api/v1/reports/{key}/matrix/{line}: a handler's override of one cell (all fields null clears it). */
export async function setOverride(actor: Actor | null, key: string, lineName: string, raw: unknown) {
  authorize(actor, "reports.write");
  const input = parseInput(overrideInput, raw);
  if (!isReportKey(key)) throw new DomainError("not_found", "No such report.");
  await db().$transaction(async (tx) => {
    const report = await tx.report.findUnique({ where: { key }, include: { project: { include: { lines: true } } } });
    if (!report) throw new DomainError("not_found", "No such report.");
    const line = report.project?.lines.find((l) => l.name === lineName);
    if (!line) throw new DomainError("not_found", `No release line "${lineName}" in this report's project.`);
    if (input.version !== undefined && input.version !== report.version) {
      throw new DomainError("conflict", `${key} changed since you read it (current version ${report.version}).`, {
        fields: { version: `current version is ${report.version}` },
      });
    }
    // a fixed version names a release of this line, written as semver writes it
    let fixedVersion = input.fixedVersion || null;
    if (fixedVersion) {
      const version = semver.valid(fixedVersion);
      if (!version)
        throw new DomainError("bad_request", `"${fixedVersion}" is not a version.`, {
          fields: { fixedVersion: "Not a semver version" },
        });
      if (!semver.satisfies(version, line.range, { includePrerelease: true }))
        throw new DomainError("bad_request", `${version} is not in ${line.name} (${line.range}).`, {
          fields: { fixedVersion: `Not in ${line.range}` },
        });
      fixedVersion = version;
    }
    const data = {
      state: input.state ? matrixStateToDb(input.state) : null,
      fixedVersion,
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
    const bumped = await tx.report.updateMany({
      where: { id: report.id, version: report.version },
      data: { version: { increment: 1 } },
    });
    if (bumped.count !== 1) throw new DomainError("conflict", `${key} changed while saving; try again.`);
    await tx.timelineEvent.create({
      data: {
        reportId: report.id,
        kind: "matrix_override",
        visibility: "INTERNAL",
        actorType: actor.kind === "user" ? "USER" : "SYSTEM",
        actorId: actorUserId(actor),
        actorLabel: actorLabel(actor),
        data: { line: line.name, ...input },
      },
    });
    await audit(tx, actor, {
      action: "report.override",
      entityType: "report",
      entityId: report.id,
      after: { line: line.name, ...input },
    });
  });
  publishReportChange({ key });
}

/** Suggests release lines from the npm registry for the admin to confirm (nothing is saved). */
export async function suggestLinesFromNpm(actor: Actor | null, slug: string, fetcher: typeof fetch = fetch) {
  authorize(actor, "projects.write");
  const project = await db().project.findUnique({ where: { slug }, select: { packageName: true } });
  if (!project) throw new DomainError("not_found", `No project "${slug}".`);
  if (!project.packageName)
    throw new DomainError("rule_violated", "Give the project its npm package name first.", {
      fields: { packageName: "Needed to ask npm" },
    });
  // npm's own naming rules: lower-case, URL-safe, optionally @scope/name — nothing that climbs paths
  if (!/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(project.packageName)) {
    throw new DomainError("rule_violated", `"${project.packageName}" is not an npm package name.`, {
      fields: { packageName: "Not an npm package name" },
    });
  }
  const name = project.packageName.startsWith("@")
    ? `@${encodeURIComponent(project.packageName.slice(1))}`
    : project.packageName;
  let res: Response;
  try {
    res = await fetcher(`${env().NPM_REGISTRY_URL.replace(/\/+$/, "")}/${name}`, {
      headers: { Accept: "application/json" },
      redirect: "error",
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new DomainError(
      "unavailable",
      `The npm registry did not answer (${error instanceof Error ? error.message : "network error"}). Enter the lines by hand.`,
    );
  }
  if (res.status === 404) throw new DomainError("not_found", `npm has no package "${project.packageName}".`);
  if (!res.ok)
    throw new DomainError("unavailable", `The npm registry answered ${res.status}. Enter the lines by hand.`);
  return { package: project.packageName, lines: suggestLines((await res.json()) as Packument, new Date()) };
}
