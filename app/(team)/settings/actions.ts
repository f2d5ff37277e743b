"use server";

import { revalidatePath } from "next/cache";

import type { ActionState } from "@/lib/action-state";
import { textClockMismatches } from "@/lib/domain/policy-text";
import { deleteCannedResponse, saveCannedResponse } from "@/lib/server/canned/canned";
import { runAction, runRowAction } from "@/lib/server/http/action";
import { cancelOutboxMail, retryOutboxMail } from "@/lib/server/mail/outbox-admin";
import { createProject, replaceLines } from "@/lib/server/projects/projects";
import { policyNumbers, savePolicy } from "@/lib/server/sla/policy";
import { createApiToken, revokeApiToken } from "@/lib/server/users/api-tokens";
import { sendPasswordReset } from "@/lib/server/users/password-reset";
import { endUserSessions } from "@/lib/server/users/sessions";
import { createUser, updateUser } from "@/lib/server/users/users";

import {
  cannedForm,
  createTokenForm,
  createUserForm,
  idForm,
  linesForm,
  policyForm,
  projectForm,
  updateUserForm,
} from "./actions.validation";

// Each export is a public endpoint: each goes through runAction (or, for the
// plain row buttons without a state, runRowAction) and the use case it calls
// checks the permission.

export type FormState = ActionState<{ message?: string; secret?: string }>;

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction(form, createUserForm, async (input, actor) => {
    const { user, generatedPassword } = await createUser(actor, input);
    revalidatePath("/settings/users");
    return { message: `Created ${user.email}.`, secret: generatedPassword };
  });
}

export async function updateUserAction(form: FormData): Promise<void> {
  await runRowAction(form, updateUserForm, (input, actor) => updateUser(actor, input), "/settings/users");
}

export async function sendResetAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction(form, idForm, async (input, actor) => {
    const { email } = await sendPasswordReset(actor, input.id);
    return { message: `Reset link mailed to ${email}.` };
  });
}

export async function endUserSessionsAction(form: FormData): Promise<void> {
  await runRowAction(form, idForm, (input, actor) => endUserSessions(actor, input.id), "/settings/users");
}

export async function createTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction(form, createTokenForm, async (input, actor) => {
    const { token, row } = await createApiToken(actor, input);
    revalidatePath("/settings/tokens");
    return {
      message: `Created "${row.name}" for ${row.user.email}. Copy it now: it is not shown again.`,
      secret: token,
    };
  });
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  await runRowAction(form, idForm, (input, actor) => revokeApiToken(actor, input.id), "/settings/tokens");
}

export async function savePolicyAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction(form, policyForm, async (input, actor) => {
    const row = await savePolicy(actor, input);
    revalidatePath("/settings/policy");
    revalidatePath("/security", "layout");
    const disagree = textClockMismatches(row.policyText ?? "", policyNumbers(row)).length > 0;
    return {
      message:
        `Saved version ${row.version}. Reports already received keep the version they arrived under.` +
        (disagree ? " The policy text still names other durations than the clocks: see below the text." : ""),
    };
  });
}

export async function saveCannedAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction(form, cannedForm, async (input, actor) => {
    const row = await saveCannedResponse(actor, input);
    revalidatePath("/settings/canned");
    return { message: `Saved “${row.name}”.` };
  });
}

export async function deleteCannedAction(form: FormData): Promise<void> {
  await runRowAction(form, idForm, (input, actor) => deleteCannedResponse(actor, input.id), "/settings/canned");
}

export async function createProjectAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction(form, projectForm, async (input, actor) => {
    const row = await createProject(actor, input);
    revalidatePath("/settings/projects");
    return { message: `Created ${row.name}. Add its release lines below.` };
  });
}

export type LinesState = ActionState<{ message: string; orphans?: { report: string; line: string }[] }>;

export async function saveLinesAction(slug: string, lines: unknown): Promise<LinesState> {
  return runAction({ slug, lines }, linesForm, async (input, actor) => {
    const result = await replaceLines(actor, input.slug, { lines: input.lines });
    revalidatePath("/settings/projects");
    revalidatePath("/matrix");
    return { message: `Saved ${result.lines.length} release lines.`, orphans: result.orphanedOverrides };
  });
}

export async function retryOutboxAction(form: FormData): Promise<void> {
  await runRowAction(form, idForm, (input, actor) => retryOutboxMail(actor, input.id), "/settings/outbox");
}

export async function cancelOutboxAction(form: FormData): Promise<void> {
  await runRowAction(form, idForm, (input, actor) => cancelOutboxMail(actor, input.id), "/settings/outbox");
}
