import "server-only";

import { randomUUID } from "node:crypto";

import { revalidatePath } from "next/cache";
import type { z } from "zod";

import type { ActionState } from "@/lib/action-state";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/actor";
import { sessionActor } from "@/lib/server/auth/session";
import { parseInput } from "@/lib/server/infra/validate";

// The one wrapper every server action goes through: schema → actor → use
// case → state. The action's *.validation.ts schema turns the FormData into
// the use case's input (the use case validates it again, as it does for the
// API: see lib/server/http/api.ts). A DomainError becomes the state the form
// shows; anything else is logged with a request id and reaches the form as a
// generic message carrying that id.

/** A form's fields as a plain object, for its validation schema (a field sent twice keeps the last value). */
export function formFields(form: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries(form);
}

type Options = {
  /** fields sent back on failure so the form can be filled in again (never secrets) */
  keep?: readonly string[];
};

export async function runAction<S extends z.ZodType, T extends object>(
  input: FormData | unknown,
  schema: S,
  run: (input: z.output<S>, actor: Actor | null) => Promise<T>,
  options: Options = {},
): Promise<ActionState<T>> {
  const raw = input instanceof FormData ? formFields(input) : input;
  try {
    const parsed = parseInput(schema, raw);
    const result = await run(parsed, await sessionActor());
    return { ok: true, ...result };
  } catch (error) {
    const values = options.keep && input instanceof FormData ? keptValues(input, options.keep) : undefined;
    if (error instanceof DomainError) {
      const { code, message, fields } = error;
      return { ok: false, error: { code, message, ...(fields ? { fields } : {}) }, ...(values ? { values } : {}) };
    }
    const requestId = randomUUID();
    console.error(`[${requestId}] unhandled error in a server action:`, error);
    return {
      ok: false,
      error: { code: "internal", message: `Something went wrong (request ${requestId}).` },
      ...(values ? { values } : {}),
    };
  }
}

function keptValues(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "")]));
}

/**
 * A row's button (revoke, delete, disable, retry…): a plain form with no state
 * to answer. Parses the form, runs the use case as the session's actor (the
 * use case checks the permission) and refreshes the page; an error reaches the
 * route group's error.tsx.
 */
export async function runRowAction<S extends z.ZodType>(
  form: FormData,
  schema: S,
  run: (input: z.output<S>, actor: Actor | null) => Promise<unknown>,
  refresh: string,
): Promise<void> {
  const input = parseInput(schema, formFields(form));
  await run(input, await sessionActor());
  revalidatePath(refresh);
}
