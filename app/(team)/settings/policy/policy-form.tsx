"use client";

import { usePathname, useRouter } from "next/navigation";
import { useActionState, useState } from "react";

import { Field, describedBy, inputClass } from "@/components/ui/field";
import { FormMessages, SubmitButton } from "@/components/ui/form-footer";
import { formFeedback } from "@/lib/action-state";
import { addHours, isTimeZone } from "@/lib/domain/calendar";
import type { PolicyMismatch } from "@/lib/domain/policy-text";
import { textClockMismatches } from "@/lib/domain/policy-text";
import type { SlaPolicy } from "@/lib/domain/sla";
import { formatInstant } from "@/lib/format";

import type { FormState } from "../actions";
import { savePolicyAction } from "../actions";
import { PolicyTextField } from "./policy-text-field";

type Values = Omit<SlaPolicy, "calendar"> & {
  calendar: "CALENDAR" | "BUSINESS";
  timeZone: string;
  holidays: string[];
  text: string;
};

const NUMBERS: [keyof Values, string, string][] = [
  ["acknowledgeHours", "Acknowledge within (hours)", "From receipt"],
  ["responseHours", "Detailed response within (hours)", "From acknowledgment"],
  ["updateDays", "Keep informed every (days)", "While the report is open"],
  ["fixDaysCritical", "Fix critical within (days)", "From confirmation"],
  ["fixDaysHigh", "Fix high within (days)", "From confirmation"],
  ["fixDaysMedium", "Fix medium within (days)", "From confirmation"],
  ["fixDaysLow", "Fix low within (days)", "From confirmation"],
];

const CALENDARS: [Values["calendar"], string][] = [
  ["CALENDAR", "Calendar hours (as the policy says “48 hours”)"],
  ["BUSINESS", "Business days (Monday–Friday, minus holidays)"],
];

export function PolicyForm({
  projects,
  project,
  values,
}: {
  projects: { slug: string; name: string; own: boolean }[];
  project: string;
  values: Values;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [state, action, pending] = useActionState<FormState, FormData>(savePolicyAction, {});
  const [draft, setDraft] = useState(values);
  const { fields: f } = formFeedback(state);
  const zoneOk = isTimeZone(draft.timeZone);
  const cal = { mode: draft.calendar, timeZone: zoneOk ? draft.timeZone : "UTC", holidays: draft.holidays };
  const now = new Date();
  const due = (hours: number) =>
    Number.isFinite(hours) && hours > 0 ? formatInstant(addHours(now, hours, cal), cal.timeZone) : "—";
  const set = (key: keyof Values, value: unknown) => setDraft((d) => ({ ...d, [key]: value }));
  const mismatches = textClockMismatches(draft.text, draft);
  const apply = (m: PolicyMismatch) =>
    setDraft((d) => ({ ...d, [m.field]: m.value, ...(m.business ? { calendar: "BUSINESS" as const } : {}) }));

  return (
    <form action={action} className="space-y-5" noValidate>
      <Field id="policy-project" label="Applies to">
        <select
          id="policy-project"
          name="project"
          value={project}
          onChange={(e) =>
            router.replace(e.target.value ? `${pathname}?project=${encodeURIComponent(e.target.value)}` : pathname)
          }
          className={inputClass}
        >
          <option value="">Every project without its own policy (instance default)</option>
          {projects.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
              {p.own ? " (own policy)" : ""}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {NUMBERS.map(([key, label, hint]) => (
          <Field key={key} id={`policy-${key}`} label={label} hint={hint} error={f[key]}>
            <input
              id={`policy-${key}`}
              name={key}
              type="number"
              min={1}
              value={String(draft[key])}
              onChange={(e) => set(key, Number(e.target.value))}
              className={`${inputClass} tabular`}
              aria-invalid={!!f[key]}
              aria-describedby={describedBy(`policy-${key}`, f[key], hint)}
            />
          </Field>
        ))}
      </div>
      <fieldset>
        <legend className="text-[13px] font-medium">Count time in</legend>
        <div className="mt-2 flex flex-wrap gap-4 text-[13px]">
          {CALENDARS.map(([mode, label]) => (
            <label key={mode} className="inline-flex items-center gap-2">
              <input
                type="radio"
                name="calendar"
                value={mode}
                checked={draft.calendar === mode}
                onChange={() => set("calendar", mode)}
                className="accent-accent-600"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="policy-timeZone"
          label="Time zone"
          hint="Where business days begin and end, e.g. Europe/Berlin."
          error={f.timeZone ?? (zoneOk ? undefined : "Not a time zone")}
        >
          <input
            id="policy-timeZone"
            name="timeZone"
            value={draft.timeZone}
            onChange={(e) => set("timeZone", e.target.value)}
            className={inputClass}
            aria-invalid={!zoneOk || !!f.timeZone}
          />
        </Field>
        <Field
          id="policy-holidays"
          label="Holidays"
          hint="Dates (YYYY-MM-DD) separated by spaces or commas."
          error={Object.entries(f).find(([k]) => k.startsWith("holidays"))?.[1]}
        >
          <textarea
            id="policy-holidays"
            name="holidays"
            rows={2}
            value={draft.holidays.join(" ")}
            onChange={(e) => set("holidays", e.target.value.split(/[\s,]+/).filter(Boolean))}
            className={`${inputClass} font-mono text-[12px]`}
          />
        </Field>
      </div>
      <PolicyTextField
        text={draft.text}
        error={f.text}
        mismatches={mismatches}
        onText={(text) => set("text", text)}
        onApply={apply}
      />
      <div
        className="rounded-md border border-zinc-200 bg-zinc-50 p-3 text-[13px] dark:border-zinc-800 dark:bg-zinc-950"
        aria-live="polite"
      >
        <p className="font-medium">For a report received now</p>
        <ul className="tabular mt-1 space-y-0.5 text-zinc-700 dark:text-zinc-300">
          <li>Acknowledge by {due(draft.acknowledgeHours)}</li>
          <li>Detailed response by {due(draft.acknowledgeHours + draft.responseHours)} at the latest</li>
          <li>
            A critical fix by {due(draft.acknowledgeHours + draft.fixDaysCritical * 24)} if confirmed on acknowledgment
          </li>
        </ul>
      </div>
      <FormMessages state={state} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save as a new version
      </SubmitButton>
    </form>
  );
}
