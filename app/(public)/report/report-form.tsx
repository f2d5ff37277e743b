"use client";

import { clsx } from "clsx";
import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { CreditPreference } from "@/components/ui/credit-choices";
import { CreditChoices } from "@/components/ui/credit-choices";
import { Field, TextField, describedBy, inputClass } from "@/components/ui/field";
import { FileField } from "@/components/ui/file-field";
import { Markdown } from "@/components/ui/markdown";
import { fieldBinder, formFeedback } from "@/lib/action-state";

import type { ReportFormState } from "./actions";
import { submitReportAction } from "./actions";

export function ReportForm({
  projects,
  maxFileBytes,
}: {
  projects: { slug: string; name: string }[];
  /** ATTACHMENT_MAX_BYTES: the largest file the form takes */
  maxFileBytes: number;
}) {
  const [state, action, pending] = useActionState<ReportFormState, FormData>(submitReportAction, {});
  const { error, fields: f, values: v } = formFeedback(state);
  const field = fieldBinder(state);
  const [body, setBody] = useState(v.body ?? "");
  const [preview, setPreview] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  if (state.ok) {
    return (
      <Card className="mt-6 p-6" data-testid="report-submitted">
        <h2 className="text-lg font-semibold">Thank you — your report has been received</h2>
        {state.done.key ? (
          <>
            <p className="mt-2">
              Its reference is <span className="font-mono font-medium">{state.done.key}</span>. Follow its progress,
              answer our questions and choose how you are credited on its private status page:
            </p>
            <p className="mt-3 break-all rounded-md bg-zinc-100 p-3 font-mono text-[13px] dark:bg-zinc-800">
              <a
                href={state.done.statusUrl}
                className="text-accent-700 underline dark:text-accent-400"
                data-testid="status-link"
              >
                {state.done.statusUrl}
              </a>
            </p>
            <p className="mt-3 text-[13px] text-zinc-600 dark:text-zinc-400">
              Keep this link private: anyone who has it can read the report’s progress. This page shows it once; we also
              e-mail it to you with our acknowledgment.
            </p>
          </>
        ) : (
          <p className="mt-2">We will be in touch by e-mail.</p>
        )}
      </Card>
    );
  }

  return (
    <form
      action={action}
      className="mt-6 space-y-5"
      noValidate
      // too many or too large files: say so here rather than send megabytes to be refused
      onSubmit={(e) => {
        if (fileProblem) e.preventDefault();
      }}
    >
      <Card className="space-y-4 p-5">
        <TextField
          {...field("title")}
          label="Title"
          hint="One line: what is wrong, and where."
          required
          maxLength={200}
        />
        <Field
          id="body"
          label="Description"
          hint="Markdown is supported. Include steps to reproduce, the versions you tested and the impact."
          error={f.body}
        >
          <div className="mb-1 flex gap-1" role="tablist" aria-label="Write or preview">
            <button
              type="button"
              role="tab"
              aria-selected={!preview}
              onClick={() => setPreview(false)}
              className={clsx(
                "rounded px-2 py-1 text-[12px] font-medium",
                !preview ? "bg-zinc-200 dark:bg-zinc-700" : "text-zinc-500",
              )}
            >
              Write
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={preview}
              onClick={() => setPreview(true)}
              className={clsx(
                "rounded px-2 py-1 text-[12px] font-medium",
                preview ? "bg-zinc-200 dark:bg-zinc-700" : "text-zinc-500",
              )}
            >
              Preview
            </button>
          </div>
          <textarea
            id="body"
            name="body"
            required
            rows={12}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            hidden={preview}
            className={`${inputClass} font-mono text-[13px]`}
            aria-invalid={!!f.body}
            aria-describedby={describedBy("body", f.body, true)}
          />
          {preview ? (
            <div
              className="min-h-[16rem] rounded-md border border-zinc-300 bg-white p-3 dark:border-zinc-700 dark:bg-zinc-900"
              data-testid="body-preview"
            >
              {body.trim() ? <Markdown>{body}</Markdown> : <p className="text-zinc-500">Nothing to preview yet.</p>}
              <p className="mt-3 border-t border-zinc-100 pt-2 text-[12px] text-zinc-500 dark:border-zinc-800">
                This is how the security team will see it.
              </p>
            </div>
          ) : null}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="project" label="Project (optional)" error={f.project}>
            <select id="project" name="project" defaultValue={v.project ?? ""} className={inputClass}>
              <option value="">Not sure</option>
              {projects.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <TextField {...field("reportedVersion")} label="Version tested (optional)" placeholder="e.g. 4.21.2" />
        </div>
        <FileField
          id="files"
          label="Attachments"
          maxBytes={maxFileBytes}
          error={f.files ? `${f.files} Choose the files again.` : undefined}
          onProblem={setFileProblem}
        />
      </Card>
      <Card className="space-y-4 p-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field("reporterName")} label="Your name (optional)" autoComplete="name" />
          <TextField
            {...field("reporterEmail")}
            label="Your e-mail"
            hint="We write to you here, and only here."
            type="email"
            required
            autoComplete="email"
          />
        </div>
        <fieldset>
          <legend className="text-[13px] font-medium">Credit in the advisory</legend>
          <CreditChoices
            name="creditPreference"
            value={
              (["NAME", "ANONYMOUS", "NONE"].includes(v.creditPreference ?? "")
                ? v.creditPreference
                : "NAME") as CreditPreference
            }
            className="mt-2 flex flex-wrap gap-4 text-[13px]"
          />
        </fieldset>
        <TextField
          {...field("creditName")}
          label="Name to credit (optional)"
          hint="If different from your name, e.g. a handle or your organisation."
        />
        {/* honeypot: hidden from people and assistive technology, filled by bots */}
        <div aria-hidden="true" className="absolute left-[-10000px] h-0 w-0 overflow-hidden">
          <label htmlFor="website">Website</label>
          <input id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
      </Card>
      {error && !Object.keys(f).length ? (
        <p className="font-medium text-red-600 dark:text-red-400" role="alert">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send report"}
      </Button>
    </form>
  );
}
