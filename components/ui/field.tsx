import { clsx } from "clsx";

import { ChoiceSelect } from "./choice-select";

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400 focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

/** A labelled control with its hint and error, wired for screen readers. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={clsx("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-[13px] font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-[12px] text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-[12px] font-medium text-red-600 dark:text-red-400" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, error?: string, hint?: unknown): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

type FieldFrame = { id: string; label: string; hint?: React.ReactNode; error?: string; className?: string };

/** A labelled input with its hint and error; `controlClassName` adds to the input's own classes. */
export function TextField({
  id,
  label,
  hint,
  error,
  className,
  controlClassName,
  ...input
}: FieldFrame & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "className"> & { controlClassName?: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        className={clsx(inputClass, controlClassName)}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
    </Field>
  );
}

/** A labelled select of choices with its hint and error. */
export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  ...select
}: FieldFrame & Omit<React.ComponentProps<typeof ChoiceSelect>, "id" | "className">) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <ChoiceSelect
        id={id}
        className={inputClass}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      />
    </Field>
  );
}

/** a new password: the length rule shown and checked in the browser, and the hint a password manager needs */
export function NewPasswordField({
  label = "New password",
  hint,
  ...props
}: {
  id: string;
  name: string;
  error?: string;
  label?: string;
  hint?: string;
  autoFocus?: boolean;
}) {
  return (
    <TextField
      {...props}
      label={label}
      hint={["At least 12 characters.", hint].filter(Boolean).join(" ")}
      type="password"
      required
      minLength={12}
      autoComplete="new-password"
    />
  );
}
