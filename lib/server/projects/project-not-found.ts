import "server-only";

import { DomainError } from "@/lib/errors";
import type { Tx } from "@/lib/server/infra/db";

// Unknown projects: a 404 when the path names one, a 400 when a request body does.

/** The 404 for a project slug nobody has created. */
export function projectNotFound(slug: string): DomainError {
  return new DomainError("not_found", `No project "${slug}".`);
}

/** The id of the project a request body names by slug (none named: null); an unknown slug is a 400 on `project`. */
export async function namedProjectId(tx: Tx, slug: string | undefined): Promise<string | null> {
  if (!slug) return null;
  const project = await tx.project.findUnique({ where: { slug }, select: { id: true } });
  if (!project)
    throw new DomainError("bad_request", `Unknown project "${slug}".`, { fields: { project: "Unknown project" } });
  return project.id;
}
