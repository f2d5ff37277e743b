"use client";

import Link from "next/link";

import { ErrorText } from "@/components/ui/error-text";
import { NewPasswordField, TextField } from "@/components/ui/field";
import { FormMessages, SubmitButton } from "@/components/ui/form-footer";
import { useFormAction } from "@/components/ui/use-form-action";

import { confirmResetAction, requestResetAction } from "./actions";

/** /reset: ask for a link by e-mail. */
export function ResetRequestForm() {
  const { state, action, pending, field } = useFormAction(requestResetAction);
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <TextField {...field("email")} label="E-mail" type="email" required autoComplete="username" autoFocus />
      <FormMessages state={state} />
      <SubmitButton className="w-full" pending={pending} pendingLabel="Sending…">
        Send me a link
      </SubmitButton>
    </form>
  );
}

/** /reset/<token>: set the new password. */
export function ResetConfirmForm({ token }: { token: string }) {
  const { state, action, pending, field } = useFormAction(confirmResetAction);
  const tokenError = state.ok === false ? state.error.fields?.token : undefined;
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <NewPasswordField {...field("password")} hint="Setting it signs you out everywhere." autoFocus />
      {tokenError ? (
        <ErrorText>
          {state.ok === false ? state.error.message : null}{" "}
          <Link href="/reset" className="underline">
            Ask for a new link
          </Link>
        </ErrorText>
      ) : (
        <FormMessages state={state} />
      )}
      <SubmitButton className="w-full" pending={pending} pendingLabel="Saving…">
        Set the password
      </SubmitButton>
    </form>
  );
}
