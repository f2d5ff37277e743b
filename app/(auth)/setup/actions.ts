"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/server/http/action";
import { clientAddress, enforceRateLimit } from "@/lib/server/infra/rate-limit";
import { setupWithCode } from "@/lib/server/users/setup";

import { setupForm } from "./actions.validation";

// Creates the first admin with the setup code from the server's log. Refused (inside the use case) once any
// user exists.
export async function setupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(
    form,
    setupForm,
    async (input) => {
      await enforceRateLimit("setup", clientAddress(await headers()));
      await setupWithCode(input);
      return {};
    },
    { keep: ["email", "name", "code"] },
  );
  if (state.ok) redirect("/signin?setup=done");
  return state;
}
