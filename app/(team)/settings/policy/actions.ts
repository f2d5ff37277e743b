"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/server/http/action";
import { savePublicSettings } from "@/lib/server/security/public-page";

import type { FormState } from "../actions";
import { publicSettingsForm } from "./actions.validation";

// The public page's settings (security.txt fields); savePolicyAction lives with the other settings actions.

export async function savePublicSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction(form, publicSettingsForm, async (input, actor) => {
    await savePublicSettings(actor, input);
    revalidatePath("/settings/policy");
    return { message: "Saved. /.well-known/security.txt and /security show it now." };
  });
}
