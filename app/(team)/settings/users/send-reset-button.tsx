"use client";

import { buttonClass } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-footer";
import { useFormAction } from "@/components/ui/use-form-action";

import { sendResetAction } from "../actions";

/** Settings → Users: mail a user a one-time link to set a new password. */
export function SendResetButton({ id, email }: { id: string; email: string }) {
  const { state, action, pending } = useFormAction(sendResetAction);
  return (
    <form action={action} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        className={buttonClass("ghost", "sm")}
        disabled={pending}
        aria-label={`Send reset link to ${email}`}
      >
        {pending ? "Sending…" : "Send reset link"}
      </button>
      <FormMessages state={state} className="text-[12px]" />
    </form>
  );
}
