"use client";

import { NewPasswordField, TextField } from "@/components/ui/field";
import { FormMessages, SubmitButton } from "@/components/ui/form-footer";
import { useFormAction } from "@/components/ui/use-form-action";

import { setupAction } from "./actions";

export function SetupForm() {
  const { state, action, pending, field } = useFormAction(setupAction);
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <TextField
        {...field("code")}
        label="Setup code"
        hint="Printed in the server's log when it started: the line with “setup code”."
        required
        autoComplete="off"
        spellCheck={false}
        controlClassName="font-mono"
      />
      <TextField {...field("name")} label="Your name" required autoComplete="name" />
      <TextField {...field("email")} label="E-mail" type="email" required autoComplete="username" />
      <NewPasswordField {...field("password")} label="Password" />
      <FormMessages state={state} />
      <SubmitButton className="w-full" pending={pending} pendingLabel="Creating…">
        Create admin account
      </SubmitButton>
    </form>
  );
}
