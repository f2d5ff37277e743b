import "server-only";

import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreateUserInput, UpdateUserInput } from "@/lib/schemas/users";
import { createUserInput, firstAdminInput, updateUserInput } from "@/lib/schemas/users";
import type { Actor, ActorUser } from "@/lib/server/auth/actor";
import { SYSTEM, authorize } from "@/lib/server/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/server/auth/passwords";
import { endAllSessionsIn } from "@/lib/server/auth/sessions";
import { audit, auditCreated } from "@/lib/server/infra/audit";
import { newSecret } from "@/lib/server/infra/crypto";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";

const publicUser = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  createdAt: true,
  lastSignInAt: true,
} as const;

export type UserRow = Prisma.UserGetPayload<{ select: typeof publicUser }>;

function nameFromEmail(email: string): string {
  return email.split("@")[0] ?? email;
}

/** Creates a user; returns it and the password when one was generated. */
export async function createUser(
  actor: Actor | null,
  raw: CreateUserInput,
): Promise<{ user: UserRow; generatedPassword?: string }> {
  authorize(actor, "users.manage");
  const input = parseInput(createUserInput, raw);
  const generatedPassword = input.password ? undefined : newSecret(18);
  const passwordHash = await hashPassword(input.password ?? generatedPassword!);
  try {
    const user = await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name || nameFromEmail(input.email), role: input.role, passwordHash },
        select: publicUser,
      });
      return auditCreated(tx, actor, {
        action: "user.create",
        entityType: "user",
        row: user,
        after: { email: user.email, role: user.role },
      });
    });
    return { user, generatedPassword };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("conflict", `A user with the e-mail ${input.email} already exists.`, {
        fields: { email: "Already in use" },
      });
    }
    throw error;
  }
}

export async function listUsers(actor: Actor | null): Promise<UserRow[]> {
  authorize(actor, "users.manage");
  return db().user.findMany({ select: publicUser, orderBy: [{ disabled: "asc" }, { email: "asc" }] });
}

/** Team members a report can be assigned to (for pickers). */
export async function listAssignableUsers(
  actor: Actor | null,
): Promise<Pick<UserRow, "id" | "email" | "name" | "role">[]> {
  authorize(actor, "reports.read");
  return db().user.findMany({
    where: { disabled: false, role: { in: ["ADMIN", "HANDLER"] } },
    select: { id: true, email: true, name: true, role: true },
    orderBy: { name: "asc" },
  });
}

export async function updateUser(actor: Actor | null, raw: UpdateUserInput): Promise<UserRow> {
  authorize(actor, "users.manage");
  const input = parseInput(updateUserInput, raw);
  return db().$transaction(async (tx) => {
    // serialise role and status changes so two admins cannot demote each other at once
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7210002)`;
    const before = await tx.user.findUnique({ where: { id: input.id }, select: publicUser });
    if (!before) throw new DomainError("not_found", "No such user.");
    if (
      actor.kind === "user" &&
      actor.user.id === input.id &&
      (input.disabled || (input.role && input.role !== "ADMIN"))
    ) {
      throw new DomainError("rule_violated", "You cannot disable yourself or remove your own admin role.");
    }
    const losesAdmin =
      before.role === "ADMIN" && !before.disabled && (input.disabled || (input.role && input.role !== "ADMIN"));
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: "ADMIN", disabled: false } });
      if (admins <= 1) throw new DomainError("rule_violated", "Keep at least one active admin.");
    }
    const after = await tx.user.update({
      where: { id: input.id },
      data: { role: input.role, disabled: input.disabled, name: input.name },
      select: publicUser,
    });
    // a disabled user's sessions end now (each request would refuse them anyway)
    if (after.disabled && !before.disabled) await endAllSessionsIn(tx, after.id);
    await audit(tx, actor, {
      action: "user.update",
      entityType: "user",
      entityId: after.id,
      before: { role: before.role, disabled: before.disabled, name: before.name },
      after: { role: after.role, disabled: after.disabled, name: after.name },
    });
    return after;
  });
}

/** Checks e-mail and password for sign-in; null for any failure. */
export async function verifyCredentials(emailRaw: string, password: string): Promise<ActorUser | null> {
  const email = emailRaw.trim().toLowerCase();
  const user = await db().user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || user.disabled) return null;
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.count()) > 0;
}

/**
 * Creates the first admin, only while no user exists (409 after). An advisory
 * lock makes two simultaneous first visits create one admin; `check` runs in
 * the same transaction (the setup code's, lib/server/users/setup.ts).
 * Callers are the setup with a code and the ADMIN_EMAIL bootstrap.
 */
export async function createFirstAdmin(raw: unknown, check?: (tx: Tx) => Promise<void>): Promise<UserRow> {
  const input = parseInput(firstAdminInput, raw);
  const alreadyDone = () => new DomainError("conflict", "Setup is already complete. Sign in instead.");
  // refuse before spending an argon2 hash on a request that cannot succeed
  if (await hasAnyUser()) throw alreadyDone();
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7210001)`;
    if ((await tx.user.count()) > 0) throw alreadyDone();
    await check?.(tx);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name || nameFromEmail(input.email), role: "ADMIN", passwordHash },
      select: publicUser,
    });
    return auditCreated(tx, SYSTEM, {
      action: "user.setup",
      entityType: "user",
      row: user,
      after: { email: user.email },
    });
  });
}

/** ADMIN_EMAIL / ADMIN_PASSWORD bootstrap at start: creates that admin if no user exists. */
export async function bootstrapAdmin(email: string | undefined, password: string | undefined): Promise<boolean> {
  if (!email || !password) return false;
  try {
    await createFirstAdmin({ email, password });
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === "conflict") return false;
    throw error;
  }
}
