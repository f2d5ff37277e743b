import { clsx } from "clsx";

import type { ActionState } from "@/lib/action-state";
import { formFeedback } from "@/lib/action-state";

import { Button } from "./button";
import { ErrorText } from "./error-text";

/** A form's message when it did what was asked. */
export function SuccessText({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <p className={clsx("text-[13px] text-emerald-700 dark:text-emerald-400", className)} role="status">
      {children}
    </p>
  );
}

/**
 * What a server action answered, under its form: the error when no field
 * shows it beside itself, and the success message.
 */
export function FormMessages({ state, className }: { state: ActionState<{ message?: string }>; className?: string }) {
  const { error, fields } = formFeedback(state);
  return (
    <>
      {error && !Object.keys(fields).length ? <ErrorText className={className}>{error}</ErrorText> : null}
      {state.ok && state.message ? <SuccessText className={className}>{state.message}</SuccessText> : null}
    </>
  );
}

/** The submit button, disabled and relabelled while the action runs. */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  ...props
}: Omit<React.ComponentProps<typeof Button>, "type" | "disabled"> & { pending: boolean; pendingLabel: string }) {
  return (
    <Button type="submit" disabled={pending} {...props}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

/** The end of a form in a two-column grid: its messages, then its submit button, across both columns. */
export function GridFormFooter({
  state,
  pending,
  pendingLabel,
  children,
}: {
  state: ActionState<{ message?: string }>;
  pending: boolean;
  pendingLabel: string;
  children: React.ReactNode;
}) {
  return (
    <div className="sm:col-span-2">
      <FormMessages state={state} className="mb-2" />
      <SubmitButton pending={pending} pendingLabel={pendingLabel}>
        {children}
      </SubmitButton>
    </div>
  );
}
