"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { SecretCallout } from "@/components/ui/secret-callout";
import { formFeedback } from "@/lib/action-state";

import type { FormState } from "../actions";
import { createTokenAction } from "../actions";

export function CreateTokenForm({
  users,
  defaultEmail,
}: {
  users: { email: string; label: string }[];
  defaultEmail: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(createTokenAction, {});
  const { error, fields: f } = formFeedback(state);
  return (
    <form action={action} className="mt-3 space-y-3">
      <Field id="token-name" label="Name" hint="What uses it, e.g. “advisory sync”." error={f.name}>
        <input
          id="token-name"
          name="name"
          required
          className={inputClass}
          aria-invalid={!!f.name}
          aria-describedby={describedBy("token-name", f.name, true)}
        />
      </Field>
      <Field id="token-owner" label="Acts as" error={f.email}>
        <select id="token-owner" name="email" defaultValue={defaultEmail} className={inputClass}>
          {users.map((u) => (
            <option key={u.email} value={u.email}>
              {u.label} — {u.email}
            </option>
          ))}
        </select>
      </Field>
      <Field id="token-expiry" label="Expires after (days)" hint="Empty for no expiry." error={f.expiresInDays}>
        <input id="token-expiry" name="expiresInDays" type="number" min={1} max={3650} className={inputClass} />
      </Field>
      {error && !Object.keys(f).length ? (
        <p className="text-[13px] font-medium text-red-600" role="alert">
          {error}
        </p>
      ) : null}
      {state.ok && state.secret ? <SecretCallout label={state.message ?? "New token"} value={state.secret} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}
