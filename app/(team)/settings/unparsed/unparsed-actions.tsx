"use client";

import Link from "next/link";

import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessages, GridFormFooter, SubmitButton } from "@/components/ui/form-footer";
import { useFormAction } from "@/components/ui/use-form-action";

import { reportFromMailAction, reprocessMailAction } from "./actions";

type Mail = { id: string; subject: string | null; fromAddr: string | null };

/** Download the raw message, or run intake on it again (it may read now, after a fix). */
export function RawAndReprocess({ mail }: { mail: Mail }) {
  const { state, action, pending } = useFormAction(reprocessMailAction);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <a href={`/api/v1/inbound/${mail.id}/raw`} download className={buttonClass("secondary", "sm")}>
        Download .eml
      </a>
      <form action={action}>
        <input type="hidden" name="id" value={mail.id} />
        <SubmitButton pending={pending} pendingLabel="Reading…" variant="secondary" size="sm">
          Reprocess
        </SubmitButton>
      </form>
      <FormMessages state={state} />
      {state.ok && state.key ? (
        <Link href={`/reports/${state.key}`} className="text-[13px] font-medium text-accent-700 underline">
          Open {state.key}
        </Link>
      ) : null}
    </div>
  );
}

/** Make a report by hand: the admin reads the raw mail and says who sent it and what it is about. */
export function MailToReportForm({ mail, projects }: { mail: Mail; projects: { slug: string; name: string }[] }) {
  const { state, action, pending, field } = useFormAction(reportFromMailAction);
  const id = (name: string) => `m-${mail.id}-${name}`;
  const bind = (name: string, initial: string) => {
    const f = field(name, id(name));
    return { ...f, defaultValue: f.defaultValue ?? initial };
  };
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" aria-label="Make a report of this mail">
      <input type="hidden" name="id" value={mail.id} />
      <TextField {...bind("title", mail.subject ?? "")} label="Title" required className="sm:col-span-2" />
      <TextField {...bind("reporterEmail", mail.fromAddr ?? "")} label="Reporter's e-mail" type="email" required />
      <TextField {...bind("reporterName", "")} label="Reporter's name (optional)" />
      <SelectField
        {...bind("project", "")}
        label="Project"
        hint="Left empty, it is guessed from the title and text."
        choices={[{ value: "", label: "Guess, or none" }, ...projects.map((p) => ({ value: p.slug, label: p.name }))]}
      />
      <label className="flex items-center gap-2 self-end pb-2 text-[13px]">
        <input type="checkbox" name="notifyReporter" defaultChecked className="size-4 accent-accent-600" />
        Send the reporter the receipt with their status link
      </label>
      <p className="text-[12px] text-zinc-600 sm:col-span-2 dark:text-zinc-400">
        The report&apos;s text is the mail&apos;s readable text; its clocks run from when the mail arrived.
      </p>
      <GridFormFooter state={state} pending={pending} pendingLabel="Making the report…">
        Make the report
      </GridFormFooter>
    </form>
  );
}
