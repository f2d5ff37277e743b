"use client";

import Link from "next/link";

import { TextField } from "@/components/ui/field";
import { FormMessages, SubmitButton } from "@/components/ui/form-footer";
import { useFormAction } from "@/components/ui/use-form-action";

import { savePublicSettingsAction } from "./actions";

/** The fields of /.well-known/security.txt that are not derived from elsewhere (contact, policy, expiry are). */
export function PublicSettingsForm({ values }: { values: { preferredLanguages: string; encryption: string } }) {
  const { state, action, pending, field } = useFormAction(savePublicSettingsAction);
  return (
    <form action={action} className="space-y-4" noValidate>
      <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
        Everyone can read the policy text and how to report at{" "}
        <Link href="/security" className="text-accent-700 underline dark:text-accent-400">
          /security
        </Link>{" "}
        and its machine-readable form at{" "}
        <a href="/.well-known/security.txt" className="text-accent-700 underline dark:text-accent-400">
          /.well-known/security.txt
        </a>
        . Its contact is the security mailbox and the report form; it expires 180 days ahead and renews itself.
      </p>
      <TextField
        {...field("preferredLanguages")}
        label="Preferred languages"
        hint="Language tags, comma-separated, e.g. en, de."
        defaultValue={values.preferredLanguages}
      />
      <TextField
        {...field("encryption")}
        label="Public key for encrypted reports"
        hint="An https:// address of your OpenPGP key (or an openpgp4fpr: URI). Leave empty when you have none."
        defaultValue={values.encryption}
        inputMode="url"
      />
      <FormMessages state={state} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save public settings
      </SubmitButton>
    </form>
  );
}
