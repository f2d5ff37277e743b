import "server-only";

import { z } from "zod";

import { DomainError } from "@/lib/errors";
import { email } from "@/lib/schemas/users";
import type { Actor, ActorUser } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { audit, auditCreated } from "@/lib/server/infra/audit";
import { API_TOKEN_PREFIX, hashesEqual, newApiToken, sha256Hex } from "@/lib/server/infra/crypto";
import { db } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";

// API tokens: created by admins for a user, shown once, stored as SHA-256.
// A token acts with its owner's current role and dies with the owner's
// account (disabled users' tokens stop working at once).

const createTokenInput = z.object({
  email,
  name: z.string().trim().min(1, "Name the token").max(80),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

const tokenRow = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  user: { select: { email: true, name: true, role: true } },
} as const;

export async function createApiToken(actor: Actor | null, raw: z.input<typeof createTokenInput>) {
  authorize(actor, "tokens.manage");
  const input = parseInput(createTokenInput, raw);
  const owner = await db().user.findUnique({ where: { email: input.email }, select: { id: true, disabled: true } });
  if (!owner)
    throw new DomainError("not_found", `No user with the e-mail ${input.email}.`, {
      fields: { email: "Unknown user" },
    });
  if (owner.disabled)
    throw new DomainError("rule_violated", `${input.email} is disabled.`, { fields: { email: "User is disabled" } });
  const token = newApiToken();
  const row = await db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: owner.id,
        name: input.name,
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
      select: tokenRow,
    });
    return auditCreated(tx, actor, {
      action: "token.create",
      entityType: "apiToken",
      row,
      after: { name: row.name, owner: input.email },
    });
  });
  return { token, row };
}

export async function listApiTokens(actor: Actor | null) {
  authorize(actor, "tokens.manage");
  return db().apiToken.findMany({
    select: tokenRow,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

export async function revokeApiToken(actor: Actor | null, id: string) {
  authorize(actor, "tokens.manage");
  const parsed = parseInput(z.uuid(), id);
  await db().$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id: parsed }, select: { id: true, revokedAt: true } });
    if (!row) throw new DomainError("not_found", "No such token.");
    if (row.revokedAt) return;
    await tx.apiToken.update({ where: { id: parsed }, data: { revokedAt: new Date() } });
    await audit(tx, actor, { action: "token.revoke", entityType: "apiToken", entityId: parsed });
  });
}

/** Resolves a presented bearer token to its owner; null for anything unusable. */
export async function userForApiToken(presented: string): Promise<{ user: ActorUser; tokenId: string } | null> {
  if (!presented.startsWith(API_TOKEN_PREFIX) || presented.length > 200) return null;
  const hash = sha256Hex(presented);
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hash },
    omit: { tokenHash: false },
    include: { user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!row || !hashesEqual(row.tokenHash, hash)) return null;
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= new Date()) || row.user.disabled) return null;
  // last use is informational; a coarse update keeps hot tokens from writing on every call
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { disabled: _disabled, ...user } = row.user;
  return { user, tokenId: row.id };
}
