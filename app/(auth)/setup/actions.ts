"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { DomainError } from "@/lib/errors";
import { clientAddress, enforceRateLimit } from "@/lib/server/infra/rate-limit";
import { setupFirstAdmin } from "@/lib/server/users/users";

export type SetupState = { error?: string; fields?: Record<string, string>; values?: Record<string, string> };

// Creates the first admin. Refused (inside the use case) once any user exists.
export async function setupAction(_prev: SetupState, form: FormData): Promise<SetupState> {
  const values = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") };
  try {
    await enforceRateLimit("setup", clientAddress(await headers()));
    await setupFirstAdmin({ ...values, password: String(form.get("password") ?? "") });
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message, fields: error.fields, values };
    throw error;
  }
  redirect("/signin?setup=done");
}
