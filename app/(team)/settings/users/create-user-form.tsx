"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { FormMessages, SubmitButton } from "@/components/ui/form-footer";
import { SecretCallout } from "@/components/ui/secret-callout";
import { useFormAction } from "@/components/ui/use-form-action";
import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/permissions";

import { createUserAction } from "../actions";

const ROLE_CHOICES = ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]} — ${ROLE_DESCRIPTIONS[r]}` }));

export function CreateUserForm() {
  const { state, action, pending, field } = useFormAction(createUserAction);
  return (
    <form action={action} className="mt-3 space-y-3">
      <TextField {...field("email", "new-email")} label="E-mail" type="email" required />
      <TextField {...field("name", "new-name")} label="Name" />
      <SelectField {...field("role", "new-role")} label="Role" defaultValue="HANDLER" choices={ROLE_CHOICES} />
      <TextField
        {...field("password", "new-password")}
        label="Password"
        hint="Leave empty to generate one, shown once."
        type="password"
        autoComplete="new-password"
      />
      <FormMessages state={state} />
      {state.ok && state.secret ? <SecretCallout label="Generated password (shown once)" value={state.secret} /> : null}
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add user
      </SubmitButton>
    </form>
  );
}
