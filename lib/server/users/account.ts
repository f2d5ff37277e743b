import "server-only";

import { DomainError } from "@/lib/errors";
import type { Me } from "@/lib/schemas/account";
import { changePasswordInput, patchMeInput } from "@/lib/schemas/account";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/server/auth/passwords";
import { audit } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";
import { prefsOf } from "@/lib/server/mail/team-mail";
import { setPasswordIn } from "@/lib/server/users/password-reset";

// The signed-in user's own account: GET/PATCH /api/v1/me and /account.

const meSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  mailNewReport: true,
  mailAssigned: true,
  mailReply: true,
  mailSla: true,
} as const;

function selfId(actor: Actor | null): string {
  authorize(actor, "account.self");
  if (actor.kind !== "user") throw new DomainError("forbidden", "Only a signed-in user has an account.");
  return actor.user.id;
}

function toMe(row: {
  id: string;
  email: string;
  name: string;
  role: Me["role"];
  mailNewReport: boolean;
  mailAssigned: boolean;
  mailReply: boolean;
  mailSla: boolean;
}): Me {
  return { id: row.id, email: row.email, name: row.name, role: row.role, mail: prefsOf(row) };
}

/** GET /api/v1/me */
export async function getMe(actor: Actor | null): Promise<Me> {
  const id = selfId(actor);
  return toMe(await db().user.findUniqueOrThrow({ where: { id }, select: meSelect }));
}

/** PATCH /api/v1/me: your name and which team mails you get. */
export async function updateMe(actor: Actor | null, raw: unknown): Promise<Me> {
  const id = selfId(actor);
  const input = parseInput(patchMeInput, raw);
  const mail = input.mail ?? {};
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id }, select: meSelect });
    const after = await tx.user.update({
      where: { id },
      data: {
        name: input.name,
        mailNewReport: mail.newReport,
        mailAssigned: mail.assigned,
        mailReply: mail.reply,
        mailSla: mail.sla,
      },
      select: meSelect,
    });
    await audit(tx, actor!, {
      action: "user.update_self",
      entityType: "user",
      entityId: id,
      before: { name: before.name, mail: prefsOf(before) },
      after: { name: after.name, mail: prefsOf(after) },
    });
    return toMe(after);
  });
}

/**
 * /account: a new password, with the current one. Every session of the user
 * ends, this one included (the page then asks to sign in with the new one).
 */
export async function changePassword(actor: Actor | null, raw: unknown): Promise<void> {
  const id = selfId(actor);
  if (actor!.kind === "user" && actor!.via !== "session")
    throw new DomainError("forbidden", "Change your password when signed in, not with an API token.");
  const input = parseInput(changePasswordInput, raw);
  const user = await db().user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new DomainError("bad_request", "The current password is not right.", {
      fields: { currentPassword: "Not your current password" },
    });
  const passwordHash = await hashPassword(input.password);
  await db().$transaction((tx) => setPasswordIn(tx, actor!, id, passwordHash, "user.password_change"));
}
