import "server-only";

import { appUrl } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashesEqual, newSecret, sha256Hex } from "@/lib/server/infra/crypto";
import type { Db, Tx } from "@/lib/server/infra/db";

// The reporter's status link: a random token whose hash is stored. Every
// lookup (status page, reply, credit, the status forms) goes through here.

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Whether a string has a status token's shape (checked before any lookup or redirect). */
export function isStatusToken(token: string): boolean {
  return TOKEN.test(token);
}

export function statusUrl(token: string): string {
  return `${appUrl()}/status/${token}`;
}

export function invalidStatusLink(): DomainError {
  return new DomainError("not_found", "This status link is not valid. It may have been replaced by a newer one.");
}

/** The report a status-link token opens; unknown, malformed and revoked tokens are one 404. */
export async function reportIdForToken(
  client: Pick<Tx, "statusToken"> | Pick<Db, "statusToken">,
  token: string,
): Promise<string> {
  if (!isStatusToken(token)) throw invalidStatusLink();
  const hash = sha256Hex(token);
  const link = await (client as Pick<Tx, "statusToken">).statusToken.findUnique({
    where: { tokenHash: hash },
    omit: { tokenHash: false },
  });
  if (!link || link.revokedAt || !hashesEqual(link.tokenHash, hash)) throw invalidStatusLink();
  return link.reportId;
}

/** Creates a new status link for a report and returns its token (shown once: only the hash is kept). */
export async function createStatusToken(tx: Tx, reportId: string, createdById?: string | null): Promise<string> {
  const token = newSecret();
  await tx.statusToken.create({
    data: { reportId, tokenHash: sha256Hex(token), createdById: createdById ?? null },
  });
  return token;
}

/** The report a status-link token opens, with its reporter (inside the caller's transaction). */
export async function reportForToken(tx: Tx, token: string) {
  const id = await reportIdForToken(tx, token);
  return tx.report.findUniqueOrThrow({ where: { id }, include: { reporter: true } });
}

/** The reporter as the timeline names them: no account, only a display name. */
export function reporterActor(report: { reporter: { name: string | null; email: string } }) {
  return { kind: "reporter" as const, label: report.reporter.name ?? report.reporter.email };
}

/** An audit entry for something the reporter did (they have no account: named by address). */
export async function auditByReporter(
  tx: Tx,
  reporterEmail: string,
  entry: { action: string; reportId: string; after: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorLabel: `reporter ${reporterEmail}`,
      action: entry.action,
      entityType: "report",
      entityId: entry.reportId,
      after: entry.after,
    },
  });
}
