"use client";

import { useState } from "react";

import { MAX_UPLOAD_FILES, formatBytes, uploadProblem } from "@/lib/domain/attachments";

import { Field, describedBy } from "./field";

/**
 * A file picker for attachments (`files`, several). It names the chosen files
 * with their sizes and says at once when there are too many or one is too
 * large; the server checks the same rule (and is the only check without
 * JavaScript).
 */
export function FileField({
  id,
  label,
  maxBytes,
  error,
  onProblem,
}: {
  id: string;
  label: string;
  maxBytes: number;
  /** the server's answer to the last submission */
  error?: string;
  /** told whenever the choice becomes acceptable (null) or not (the reason) */
  onProblem?: (problem: string | null) => void;
}) {
  const [chosen, setChosen] = useState<{ name: string; size: number }[]>([]);
  const problem = uploadProblem(chosen, maxBytes);
  const shown = problem ?? error;
  const hint = `Optional: up to ${MAX_UPLOAD_FILES} files, each at most ${formatBytes(maxBytes)} — a proof of concept, patch, script or log. Put the report itself in the description.`;
  return (
    <Field id={id} label={label} hint={hint} error={shown}>
      <input
        id={id}
        name="files"
        type="file"
        multiple
        aria-invalid={!!shown}
        aria-describedby={describedBy(id, shown, hint)}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? [], (f) => ({ name: f.name, size: f.size }));
          setChosen(files);
          onProblem?.(uploadProblem(files, maxBytes));
        }}
        className="block w-full text-[13px] text-zinc-700 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-[13px] file:font-medium hover:file:bg-zinc-50 dark:text-zinc-300 dark:file:border-zinc-700 dark:file:bg-zinc-900"
      />
      {chosen.length ? (
        <ul className="text-[12px] text-zinc-600 dark:text-zinc-400" data-testid="chosen-files">
          {chosen.map((f, i) => (
            <li key={`${f.name}-${i}`} className={f.size > maxBytes ? "font-medium text-red-600" : undefined}>
              {f.name} <span className="tabular-nums">({formatBytes(f.size)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Field>
  );
}
