import "server-only";

import { linesOverlap, validateLine } from "@/lib/domain/matrix";
import { sortLines } from "@/lib/domain/matrix-row";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { linesInput, projectInput, projectPatchInput } from "@/lib/schemas/projects";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import { db, isUniqueViolation } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";
import { projectLinesInclude } from "@/lib/server/matrix/matrix";
import { projectNotFound } from "@/lib/server/projects/project-not-found";

// Projects and their release lines (a report's ranges and overrides are
// written in lib/server/matrix/affected.ts).

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

const viewInclude = {
  ...projectLinesInclude,
  _count: { select: { reports: { where: { status: { notIn: ["DISCLOSED", "CLOSED"] } } } } },
} satisfies Prisma.ProjectInclude;

type ProjectRow = Prisma.ProjectGetPayload<{ include: typeof viewInclude }>;

/** The API's view of a project. */
export const projectView = (p: ProjectRow) => ({
  slug: p.slug,
  name: p.name,
  packageName: p.packageName,
  ecosystem: p.ecosystem,
  repositoryUrl: p.repositoryUrl,
  archivedAt: p.archivedAt?.toISOString() ?? null,
  openReports: p._count.reports,
  lines: sortLines(p.lines).map(lineView),
});

/** Every project, archived ones too (Settings, import, the API). */
export async function listProjects(actor: Actor | null) {
  authorize(actor, "projects.read");
  return db().project.findMany({ orderBy: { name: "asc" }, include: viewInclude });
}

/** The API's view of projects. */
export async function listProjectsView(actor: Actor | null) {
  return (await listProjects(actor)).map(projectView);
}

/** The npm package a project's ranges are recorded for (its slug when it has none). */
export async function projectPackage(slug: string): Promise<string | null> {
  const row = await db().project.findUnique({ where: { slug }, select: { packageName: true, slug: true } });
  return row ? (row.packageName ?? row.slug) : null;
}

/** Projects anyone may name on the public form, and the board and report page offer (slug and name only). */
export async function listPublicProjects() {
  return db().project.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
}

/** The board's project filter: archived projects last, marked as such. */
export async function listProjectFilterChoices() {
  const rows = await db().project.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { slug: true, name: true, archivedAt: true },
  });
  return rows.map((p) => ({ slug: p.slug, name: p.archivedAt ? `${p.name} (archived)` : p.name }));
}

/** A unique package name or slug taken twice → 409 naming the field. */
function conflictOf(error: unknown): unknown {
  if (isUniqueViolation(error)) {
    const field = isUniqueViolation(error, "packageName") ? "packageName" : "slug";
    return new DomainError(
      "conflict",
      `A project with that ${field === "slug" ? "slug" : "package name"} already exists.`,
      {
        fields: { [field]: "Already in use" },
      },
    );
  }
  return error;
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
          ecosystem: input.ecosystem ?? "npm",
          repositoryUrl: input.repositoryUrl || null,
        },
        include: viewInclude,
      });
      await audit(tx, actor, { action: "project.create", entityType: "project", entityId: row.id, after: input });
      return projectView(row);
    });
  } catch (error) {
    throw conflictOf(error);
  }
}

/** Renames a project, changes its package or ecosystem, or archives it (its reports stay where they are). */
export async function updateProject(actor: Actor | null, slug: string, raw: unknown) {
  authorize(actor, "projects.write");
  const input = parseInput(projectPatchInput, raw);
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.project.findUnique({ where: { slug } });
      if (!before) throw projectNotFound(slug);
      const archivedAt =
        input.archived === undefined ? undefined : input.archived ? (before.archivedAt ?? new Date()) : null;
      const row = await tx.project.update({
        where: { id: before.id },
        data: {
          name: input.name,
          packageName: input.packageName === undefined ? undefined : input.packageName || null,
          ecosystem: input.ecosystem,
          repositoryUrl: input.repositoryUrl === undefined ? undefined : input.repositoryUrl || null,
          archivedAt,
        },
        include: viewInclude,
      });
      const { name, packageName, ecosystem, repositoryUrl } = before;
      await audit(tx, actor, {
        action: archivedAt && !before.archivedAt ? "project.archive" : "project.update",
        entityType: "project",
        entityId: row.id,
        before: { name, packageName, ecosystem, repositoryUrl, archivedAt: before.archivedAt },
        after: input,
      });
      return projectView(row);
    });
  } catch (error) {
    throw conflictOf(error);
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
    if (!project) throw projectNotFound(slug);
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
