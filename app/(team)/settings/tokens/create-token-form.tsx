"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { FormMessages, SubmitButton } from "@/components/ui/form-footer";
import { SecretCallout } from "@/components/ui/secret-callout";
import { useFormAction } from "@/components/ui/use-form-action";

import { createTokenAction } from "../actions";

export function CreateTokenForm({
  users,
  defaultEmail,
}: {
  users: { email: string; label: string }[];
  defaultEmail: string;
}) {
  const { state, action, pending, field } = useFormAction(createTokenAction);
  return (
    <form action={action} className="mt-3 space-y-3">
      <TextField {...field("name", "token-name")} label="Name" hint="What uses it, e.g. “advisory sync”." required />
      <SelectField
        {...field("email", "token-owner")}
        label="Acts as"
        defaultValue={defaultEmail}
        choices={users.map((u) => ({ value: u.email, label: `${u.label} — ${u.email}` }))}
      />
      <TextField
        {...field("expiresInDays", "token-expiry")}
        label="Expires after (days)"
        hint="Empty for no expiry."
        type="number"
        min={1}
        max={3650}
      />
      {/* on success the message labels the secret instead */}
      <FormMessages state={state.ok ? {} : state} />
      {state.ok && state.secret ? <SecretCallout label={state.message ?? "New token"} value={state.secret} /> : null}
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create token
      </SubmitButton>
    </form>
  );
}
