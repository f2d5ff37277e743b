import "server-only";

import { setTimeout as sleep } from "node:timers/promises";

import { appUrl, env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { passwordResetConfirm, passwordResetRequest } from "@/lib/schemas/account";
import { email as emailSchema, password as passwordSchema } from "@/lib/schemas/users";
import type { Actor } from "@/lib/server/auth/actor";
import { SYSTEM, actorUserId, authorize } from "@/lib/server/auth/actor";
import { hashPassword } from "@/lib/server/auth/passwords";
import { endAllSessionsIn } from "@/lib/server/auth/sessions";
import { audit } from "@/lib/server/infra/audit";
import { hashesEqual, newSecret, sha256Hex } from "@/lib/server/infra/crypto";
import type { Tx } from "@/lib/server/infra/db";
import { db } from "@/lib/server/infra/db";
import { enforceRateLimit } from "@/lib/server/infra/rate-limit";
import { parseInput } from "@/lib/server/infra/validate";
import { PASSWORD_RESET_TEMPLATE, enqueueMail } from "@/lib/server/mail/outbox";

// Password reset by mail: a one-time link /reset/<token>, valid for an hour.
// The token is 32 random bytes; only its SHA-256 is stored and a presented
// token is compared with it in constant time. Using it sets the password,
// voids the user's other links and ends every session they hold.

export const RESET_TTL_MS = 60 * 60_000;
/** Every request answers after at least this long, so its timing does not tell whether the account exists. */
const REQUEST_FLOOR_MS = 400;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function resetUrl(token: string): string {
  return `${appUrl()}/reset/${token}`;
}

export const invalidResetLink = () =>
  new DomainError("bad_request", "This reset link is not valid. Ask for a new one.", {
    fields: { token: "Not a valid reset link" },
  });
export const usedResetLink = () =>
  new DomainError("gone", "This reset link has expired or was already used. Ask for a new one.", {
    fields: { token: "Expired or already used" },
  });

async function createResetMail(
  tx: Tx,
  user: { id: string; email: string },
  sentBy: { id: string | null; name: string } | null,
  now: Date,
): Promise<void> {
  const token = newSecret();
  await tx.passwordReset.create({
    data: {
      userId: user.id,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
      requestedById: sentBy?.id ?? null,
    },
  });
  const why = sentBy
    ? `${sentBy.name} sent you a link to set a new password for your ${env().ORG_NAME} Embargo account ${user.email}.`
    : `Someone — we hope you — asked to reset the password of your ${env().ORG_NAME} Embargo account ${user.email}.`;
  await enqueueMail(tx, {
    reportId: null,
    template: PASSWORD_RESET_TEMPLATE,
    to: user.email,
    subject: "Set a new Embargo password",
    text: `${why}\n\nSet a new password here within one hour; the link works once:\n\n${resetUrl(token)}\n\nSetting it signs you out everywhere else. If you did not ask for this, ignore this mail: your password stays as it is.`,
  });
}

/**
 * POST /api/v1/password-reset: mails a reset link when the address belongs to
 * an active account. Answers the same (and after about the same time) either way.
 */
export async function requestPasswordReset(raw: unknown, clientKey: string): Promise<void> {
  const started = Date.now();
  await enforceRateLimit("resetRequest", clientKey);
  const { email } = parseInput(passwordResetRequest, raw);
  try {
    // a stranger cannot mail-bomb an account: past the limit, no more mail (and still 202)
    await enforceRateLimit("resetAccount", email);
    const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, disabled: true } });
    if (user && !user.disabled) {
      await db().$transaction(async (tx) => {
        await createResetMail(tx, user, null, new Date());
        await audit(tx, SYSTEM, { action: "user.password_reset_requested", entityType: "user", entityId: user.id });
      });
    }
  } catch (error) {
    if (!(error instanceof DomainError && error.code === "rate_limited")) throw error;
  }
  await sleep(Math.max(0, started + REQUEST_FLOOR_MS - Date.now()));
}

/** Settings → Users: an admin mails a user a reset link. */
export async function sendPasswordReset(actor: Actor | null, userId: string): Promise<{ email: string }> {
  authorize(actor, "users.manage");
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, disabled: true } });
    if (!user) throw new DomainError("not_found", "No such user.");
    if (user.disabled) throw new DomainError("rule_violated", "Enable the user before sending a reset link.");
    const name = actor.kind === "user" ? actor.user.name : actor.label;
    await createResetMail(tx, user, { id: actorUserId(actor), name }, new Date());
    await audit(tx, actor, { action: "user.password_reset_sent", entityType: "user", entityId: user.id });
    return { email: user.email };
  });
}

/** POST /api/v1/password-reset/confirm: sets the password once per link, and ends every session of the user. */
export async function confirmPasswordReset(raw: unknown, clientKey: string): Promise<void> {
  await enforceRateLimit("resetConfirm", clientKey);
  const input = parseInput(passwordResetConfirm, raw);
  if (!TOKEN.test(input.token)) throw invalidResetLink();
  const hash = sha256Hex(input.token);
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  await db().$transaction(async (tx) => {
    const link = await tx.passwordReset.findUnique({
      where: { tokenHash: hash },
      omit: { tokenHash: false },
      include: { user: { select: { id: true, disabled: true } } },
    });
    if (!link || !hashesEqual(link.tokenHash, hash)) throw invalidResetLink();
    if (link.usedAt || link.expiresAt <= now || link.user.disabled) throw usedResetLink();
    // single use, even when two requests race with the same link
    const taken = await tx.passwordReset.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (taken.count !== 1) throw usedResetLink();
    await setPasswordIn(tx, SYSTEM, link.userId, passwordHash, "user.password_reset");
  });
}

/** Stores a new password hash, voids the user's other reset links and ends their sessions. */
export async function setPasswordIn(tx: Tx, actor: Actor, userId: string, passwordHash: string, action: string) {
  await tx.user.update({ where: { id: userId }, data: { passwordHash } });
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await endAllSessionsIn(tx, userId);
  await audit(tx, actor, { action, entityType: "user", entityId: userId });
}

/** `npm run embargo -- user set-password --email E`: the shell sets a password and ends the user's sessions. */
export async function setPasswordFromShell(rawEmail: string, rawPassword: string): Promise<{ email: string }> {
  const email = parseInput(emailSchema, rawEmail);
  const password = parseInput(passwordSchema, rawPassword);
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true } });
    if (!user) throw new DomainError("not_found", `No user has the e-mail ${email}.`);
    await setPasswordIn(tx, SYSTEM, user.id, passwordHash, "user.password_set");
    return { email: user.email };
  });
}
