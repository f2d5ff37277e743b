import "server-only";

import type { Packument } from "@/lib/domain/npm-lines";
import { suggestLines } from "@/lib/domain/npm-lines";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { projectNotFound } from "@/lib/server/projects/project-not-found";

// "Suggest lines from npm" on Settings → Projects: release lines read from the
// registry's packument, for the admin to confirm (nothing is saved here).

/** Suggests release lines from the npm registry for the admin to confirm (nothing is saved). */
export async function suggestLinesFromNpm(actor: Actor | null, slug: string, fetcher: typeof fetch = fetch) {
  authorize(actor, "projects.write");
  const project = await db().project.findUnique({ where: { slug }, select: { packageName: true, ecosystem: true } });
  if (!project) throw projectNotFound(slug);
  if (project.ecosystem !== "npm")
    throw new DomainError(
      "rule_violated",
      `Suggestions come from npm; this project's ecosystem is ${project.ecosystem}.`,
      {
        fields: { ecosystem: "Not npm" },
      },
    );
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
