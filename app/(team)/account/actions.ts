"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import type { ActionState } from "@/lib/action-state";
import { runAction, runRowAction } from "@/lib/server/http/action";
import { changePassword, updateMe } from "@/lib/server/users/account";
import { endMyOtherSessions, endMySession } from "@/lib/server/users/sessions";

import { noFields, passwordForm, profileForm, sessionForm } from "./actions.validation";

// /account: each action runs the use case as the session's user (who may only change themselves).

export type AccountState = ActionState<{ message?: string }>;

export async function saveProfileAction(_prev: AccountState, form: FormData): Promise<AccountState> {
  return runAction(
    form,
    profileForm,
    async (input, actor) => {
      await updateMe(actor, input);
      revalidatePath("/", "layout");
      return { message: "Saved." };
    },
    { keep: ["name"] },
  );
}

export async function changePasswordAction(_prev: AccountState, form: FormData): Promise<AccountState> {
  const state = await runAction(form, passwordForm, async (input, actor) => {
    await changePassword(actor, input);
    return {};
  });
  // every session has ended, this one too
  if (state.ok) redirect("/signin?password=changed");
  return state;
}

export async function endSessionAction(form: FormData): Promise<void> {
  await runRowAction(form, sessionForm, (input, actor) => endMySession(actor, input), "/account");
}

export async function endOtherSessionsAction(form: FormData): Promise<void> {
  await runRowAction(form, noFields, (_input, actor) => endMyOtherSessions(actor), "/account");
}
