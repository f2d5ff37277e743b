import { useActionState } from "react";

import type { ActionState } from "@/lib/action-state";
import { fieldBinder } from "@/lib/action-state";

/**
 * A form posting to a server action: the state it answered, the action for
 * `<form action>`, whether it runs, and `field` to bind each control.
 */
export function useFormAction<T extends object>(
  run: (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>,
) {
  const [state, action, pending] = useActionState<ActionState<T>, FormData>(run, {});
  return { state, action, pending, field: fieldBinder(state) };
}
