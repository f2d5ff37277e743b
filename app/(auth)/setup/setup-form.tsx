"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { formFeedback } from "@/lib/action-state";

import { setupAction } from "./actions";

export function SetupForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(setupAction, {});
  const { error, fields: f, values } = formFeedback(state);
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <Field id="name" label="Your name" error={f.name}>
        <input
          id="name"
          name="name"
          required
          autoComplete="name"
          defaultValue={values.name}
          className={inputClass}
          aria-invalid={!!f.name}
          aria-describedby={describedBy("name", f.name)}
        />
      </Field>
      <Field id="email" label="E-mail" error={f.email}>
        <input
          id="email"
          name="email"
          type="email"
          required
          autoComplete="username"
          defaultValue={values.email}
          className={inputClass}
          aria-invalid={!!f.email}
          aria-describedby={describedBy("email", f.email)}
        />
      </Field>
      <Field id="password" label="Password" hint="At least 12 characters." error={f.password}>
        <input
          id="password"
          name="password"
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={!!f.password}
          aria-describedby={describedBy("password", f.password, true)}
        />
      </Field>
      {error && !Object.keys(f).length ? (
        <p className="text-[13px] font-medium text-red-600" role="alert">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}
