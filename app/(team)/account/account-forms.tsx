"use client";

import { NewPasswordField, TextField } from "@/components/ui/field";
import { FormMessages, SubmitButton } from "@/components/ui/form-footer";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TeamMailKind } from "@/lib/domain/team-mail";
import { TEAM_MAIL_KINDS, TEAM_MAIL_LABELS } from "@/lib/domain/team-mail";
import type { Me } from "@/lib/schemas/account";

import { changePasswordAction, saveProfileAction } from "./actions";

/** Your name and which team mails you get (PATCH /api/v1/me). */
export function ProfileForm({ me }: { me: Me }) {
  const { state, action, pending, field } = useFormAction(saveProfileAction);
  const name = field("name");
  return (
    <form action={action} className="space-y-4" aria-label="Your name and team mails">
      <TextField {...name} defaultValue={name.defaultValue ?? me.name} label="Name" required autoComplete="name" />
      <fieldset className="space-y-2">
        <legend className="text-[13px] font-medium text-zinc-800 dark:text-zinc-200">Team mails you get</legend>
        {TEAM_MAIL_KINDS.map((kind: TeamMailKind) => (
          <label key={kind} className="flex items-start gap-2 text-[13px]">
            <input
              type="checkbox"
              name={`mail.${kind}`}
              defaultChecked={me.mail[kind]}
              className="mt-0.5 size-4 accent-accent-600"
            />
            <span>
              <span className="block font-medium">{TEAM_MAIL_LABELS[kind].label}</span>
              <span className="block text-[12px] text-zinc-600 dark:text-zinc-400">{TEAM_MAIL_LABELS[kind].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FormMessages state={state} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}

/** A new password, with the current one; then every session ends and the page asks to sign in again. */
export function PasswordForm() {
  const { state, action, pending, field } = useFormAction(changePasswordAction);
  return (
    <form action={action} className="space-y-4" aria-label="Change your password" noValidate>
      <TextField
        {...field("currentPassword")}
        label="Current password"
        type="password"
        required
        autoComplete="current-password"
      />
      <NewPasswordField {...field("password")} hint="Changing it signs you out everywhere, here too." />
      <FormMessages state={state} />
      <SubmitButton pending={pending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
