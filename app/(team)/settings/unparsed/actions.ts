"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/server/http/action";
import { reportFromMail, reprocessMail } from "@/lib/server/mail/unparsed";

import { idForm } from "../actions.validation";
import { mailToReportForm } from "./actions.validation";

// Settings → Unparsed mail: run intake again, or make a report by hand (the
// use cases check the permission: admins).

export type UnparsedState = ActionState<{ message: string; key?: string }>;

export async function reprocessMailAction(_prev: UnparsedState, form: FormData): Promise<UnparsedState> {
  return runAction(form, idForm, async ({ id }, actor) => {
    const result = await reprocessMail(actor, id);
    revalidatePath("/settings/unparsed");
    if (result.key)
      return { message: `${result.threaded ? "Threaded onto" : "Became"} ${result.key}.`, key: result.key };
    return { message: "Still unreadable: make a report of it by hand, or download it to look." };
  });
}

export async function reportFromMailAction(_prev: UnparsedState, form: FormData): Promise<UnparsedState> {
  const state = await runAction(
    form,
    mailToReportForm,
    async ({ id, ...input }, actor) => {
      const made = await reportFromMail(actor, id, input);
      revalidatePath("/settings/unparsed");
      return { message: `Made ${made.key}.`, key: made.key };
    },
    { keep: ["title", "reporterEmail", "reporterName", "project"] },
  );
  if (state.ok && state.key) redirect(`/reports/${state.key}`);
  return state;
}
