import "server-only";

import { linesOverlap, validateLine } from "@/lib/domain/matrix";
import { sortLines } from "@/lib/domain/matrix-row";
import type { Packument } from "@/lib/domain/npm-lines";
import { suggestLines } from "@/lib/domain/npm-lines";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { linesInput, projectInput } from "@/lib/schemas/projects";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";
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

/** Suggests release lines from the npm registry for the admin to confirm (nothing is saved). */
export async function suggestLinesFromNpm(actor: Actor | null, slug: string, fetcher: typeof fetch = fetch) {
  authorize(actor, "projects.write");
  const project = await db().project.findUnique({ where: { slug }, select: { packageName: true } });
  if (!project) throw projectNotFound(slug);
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
