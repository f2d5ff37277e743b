import "server-only";

import type { ProjectGuess } from "@/lib/domain/project-guess";
import { guessProject } from "@/lib/domain/project-guess";
import { env } from "@/lib/env";
import type { Tx } from "@/lib/server/infra/db";

// Intake's project guess (lib/domain/project-guess.ts) over the tracked
// projects, for a report that arrives without one.

export type GuessSource = { recipients: string[]; subject: string; body: string };

/** The project a new report names (by address, subject or body) and how it was read, or null. */
export async function guessReportProject(
  tx: Tx,
  source: GuessSource,
): Promise<{ projectId: string; guess: ProjectGuess & { name: string } } | null> {
  const projects = await tx.project.findMany({
    where: { archivedAt: null },
    select: { id: true, slug: true, name: true, packageName: true },
  });
  const guess = guessProject({ ...source, inboundAddress: env().INBOUND_ADDRESS ?? null }, projects);
  const project = guess ? projects.find((p) => p.slug === guess.slug) : undefined;
  return guess && project ? { projectId: project.id, guess: { ...guess, name: project.name } } : null;
}
