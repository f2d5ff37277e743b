"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { formFeedback } from "@/lib/action-state";

import type { FormState } from "../actions";
import { deleteCannedAction, saveCannedAction } from "../actions";

type Value = { id: string; name: string; body: string; visibility: "INTERNAL" | "REPORTER" };

export function CannedForm({ value }: { value: Value | null }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveCannedAction, {});
  const { error, fields: f } = formFeedback(state);
  const id = value?.id ?? "new";
  return (
    <div className="space-y-3">
      <form action={action} className="space-y-3">
        {value ? <input type="hidden" name="id" value={value.id} /> : null}
        <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_200px]">
          <Field id={`name-${id}`} label="Name" error={f.name}>
            <input id={`name-${id}`} name="name" defaultValue={value?.name} className={inputClass} />
          </Field>
          <Field id={`vis-${id}`} label="Goes to">
            <select
              id={`vis-${id}`}
              name="visibility"
              defaultValue={value?.visibility ?? "REPORTER"}
              className={inputClass}
            >
              <option value="REPORTER">The reporter</option>
              <option value="INTERNAL">Internal note</option>
            </select>
          </Field>
        </div>
        <Field id={`body-${id}`} label="Text" error={f.body}>
          <textarea
            id={`body-${id}`}
            name="body"
            rows={value ? 4 : 5}
            defaultValue={value?.body}
            className={`${inputClass} font-mono text-[13px]`}
          />
        </Field>
        {error && !Object.keys(f).length ? (
          <p className="text-[13px] font-medium text-red-600" role="alert">
            {error}
          </p>
        ) : null}
        {state.ok && state.message ? (
          <p className="text-[13px] text-emerald-700 dark:text-emerald-400" role="status">
            {state.message}
          </p>
        ) : null}
        <div className="flex items-center gap-2">
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? "Saving…" : value ? "Save" : "Add"}
          </Button>
        </div>
      </form>
      {value ? (
        <form action={deleteCannedAction}>
          <input type="hidden" name="id" value={value.id} />
          <Button type="submit" size="sm" variant="ghost">
            Delete “{value.name}”
          </Button>
        </form>
      ) : null}
    </div>
  );
}
