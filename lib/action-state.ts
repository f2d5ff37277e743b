// What a server action (lib/server/http/action.ts) answers a form with. A
// plain module: the client forms import it to read the state.

export type ActionError = { code: string; message: string; fields?: Record<string, string> };

export type ActionState<T extends object = { message?: string }> =
  /** before the first submit */
  | { ok?: undefined }
  | ({ ok: true } & T)
  /** values: the text the form sent back, to fill it in again */
  | { ok: false; error: ActionError; values?: Record<string, string> };

/** The parts of a state a form shows: a message for the form, per-field messages, the values sent back. */
export function formFeedback(state: ActionState<object>): {
  error?: string;
  fields: Record<string, string>;
  values: Record<string, string>;
} {
  if (state.ok !== false) return { fields: {}, values: {} };
  return { error: state.error.message, fields: state.error.fields ?? {}, values: state.values ?? {} };
}

/**
 * Binds form fields to a state: `field("email")` gives the control its id (the
 * name unless given), its name, its error and the value the form sent back,
 * e.g. `<TextField {...field("email")} label="E-mail" />`.
 */
export function fieldBinder(state: ActionState<object>) {
  const { fields, values } = formFeedback(state);
  return (name: string, id: string = name) => ({ id, name, error: fields[name], defaultValue: values[name] });
}
