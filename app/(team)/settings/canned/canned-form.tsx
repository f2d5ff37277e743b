"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, SelectField, TextField, inputClass } from "@/components/ui/field";
import { FormMessages, SubmitButton } from "@/components/ui/form-footer";
import { useFormAction } from "@/components/ui/use-form-action";

import { deleteCannedAction, saveCannedAction } from "../actions";

type Value = { id: string; name: string; body: string; visibility: "INTERNAL" | "REPORTER" };

const VISIBILITY_CHOICES = [
  { value: "REPORTER", label: "The reporter" },
  { value: "INTERNAL", label: "Internal note" },
];

export function CannedForm({ value }: { value: Value | null }) {
  const { state, action, pending, field } = useFormAction(saveCannedAction);
  const id = value?.id ?? "new";
  return (
    <div className="space-y-3">
      <form action={action} className="space-y-3">
        {value ? <input type="hidden" name="id" value={value.id} /> : null}
        <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_200px]">
          <TextField {...field("name", `name-${id}`)} label="Name" defaultValue={value?.name} />
          <SelectField
            {...field("visibility", `vis-${id}`)}
            label="Goes to"
            defaultValue={value?.visibility ?? "REPORTER"}
            choices={VISIBILITY_CHOICES}
          />
        </div>
        <Field id={`body-${id}`} label="Text" error={field("body").error}>
          <textarea
            id={`body-${id}`}
            name="body"
            rows={value ? 4 : 5}
            defaultValue={value?.body}
            className={`${inputClass} font-mono text-[13px]`}
          />
        </Field>
        <FormMessages state={state} />
        <div className="flex items-center gap-2">
          <SubmitButton size="sm" pending={pending} pendingLabel="Saving…">
            {value ? "Save" : "Add"}
          </SubmitButton>
        </div>
      </form>
      {value ? (
        <ActionForm action={deleteCannedAction} fields={{ id: value.id }}>
          Delete “{value.name}”
        </ActionForm>
      ) : null}
    </div>
  );
}
