"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { SecretCallout } from "@/components/ui/secret-callout";
import { formFeedback } from "@/lib/action-state";
import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/permissions";

import type { FormState } from "../actions";
import { createUserAction } from "../actions";

export function CreateUserForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createUserAction, {});
  const { error, fields: f } = formFeedback(state);
  return (
    <form action={action} className="mt-3 space-y-3">
      <Field id="new-email" label="E-mail" error={f.email}>
        <input
          id="new-email"
          name="email"
          type="email"
          required
          className={inputClass}
          aria-invalid={!!f.email}
          aria-describedby={describedBy("new-email", f.email)}
        />
      </Field>
      <Field id="new-name" label="Name" error={f.name}>
        <input id="new-name" name="name" className={inputClass} />
      </Field>
      <Field id="new-role" label="Role">
        <select id="new-role" name="role" defaultValue="HANDLER" className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]} — {ROLE_DESCRIPTIONS[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="new-password" label="Password" hint="Leave empty to generate one, shown once." error={f.password}>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={!!f.password}
          aria-describedby={describedBy("new-password", f.password, true)}
        />
      </Field>
      {error && !Object.keys(f).length ? (
        <p className="text-[13px] font-medium text-red-600" role="alert">
          {error}
        </p>
      ) : null}
      {state.ok && state.message ? (
        <p className="text-[13px] text-emerald-700 dark:text-emerald-400" role="status">
          {state.message}
        </p>
      ) : null}
      {state.ok && state.secret ? <SecretCallout label="Generated password (shown once)" value={state.secret} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add user"}
      </Button>
    </form>
  );
}
