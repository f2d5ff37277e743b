"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/server/http/action";
import { clientAddress } from "@/lib/server/infra/rate-limit";
import { confirmPasswordReset, requestPasswordReset } from "@/lib/server/users/password-reset";

import { resetConfirmForm, resetRequestForm } from "./actions.validation";

// /reset and /reset/<token>: the same use cases (and rate limits) as POST
// /api/v1/password-reset and …/confirm.

export async function requestResetAction(
  _prev: ActionState<{ message: string }>,
  form: FormData,
): Promise<ActionState<{ message: string }>> {
  return runAction(
    form,
    resetRequestForm,
    async (input) => {
      await requestPasswordReset(input, clientAddress(await headers()));
      // the same answer whether or not the address has an account
      return {
        message: `If ${input.email} has an account, a link to set a new password is on its way. It works once, for an hour.`,
      };
    },
    { keep: ["email"] },
  );
}

export async function confirmResetAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(form, resetConfirmForm, async (input) => {
    await confirmPasswordReset(input, clientAddress(await headers()));
    return {};
  });
  if (state.ok) redirect("/signin?reset=done");
  return state;
}
