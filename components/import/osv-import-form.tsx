"use client";

import { useMutation } from "@tanstack/react-query";
import { CheckCircle2, FileUp } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { api, ApiError } from "@/lib/api-client";

type Result = { key: string; created: boolean };
type Failure = { message: string; fields?: Record<string, string> };

const MAX_BYTES = 2 * 1024 * 1024;

function parseRecord(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, "bad_request", `This is not JSON: ${(e as Error).message}`);
  }
}

/** Paste or upload an OSV record; shows the report it became, or the record's first problems by path. */
export function OsvImportForm({ packages }: { packages: string[] }) {
  const id = useId();
  const [text, setText] = useState("");
  const [fileNote, setFileNote] = useState<string | null>(null);
  const importing = useMutation<Result, ApiError, string>({
    mutationFn: async (body) => api<Result>("/api/v1/import/osv", { method: "POST", json: parseRecord(body) }),
  });
  const failure: Failure | null = importing.error
    ? { message: importing.error.message, fields: importing.error.fields }
    : null;

  async function readFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileNote(`${file.name} is larger than 2 MB; an OSV record is far smaller.`);
      return;
    }
    setText(await file.text());
    setFileNote(`Read ${file.name}.`);
    importing.reset();
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) importing.mutate(text);
        }}
      >
        <div className="space-y-1.5">
          <div className="flex items-end justify-between gap-3">
            <label htmlFor={`${id}-record`} className="block text-[13px] font-medium text-zinc-800 dark:text-zinc-200">
              OSV record (JSON)
            </label>
            <label className="inline-flex cursor-pointer items-center gap-1.5 rounded-md px-2 py-1 text-[13px] font-medium text-accent-700 focus-within:ring-2 focus-within:ring-accent-500/40 hover:bg-zinc-100 dark:text-accent-400 dark:hover:bg-zinc-800">
              <FileUp className="size-4" aria-hidden="true" />
              Upload a .json file
              <input
                type="file"
                accept=".json,application/json"
                className="sr-only"
                onChange={(e) => void readFile(e.target.files?.[0])}
              />
            </label>
          </div>
          <textarea
            id={`${id}-record`}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (importing.isError || importing.isSuccess) importing.reset();
            }}
            rows={18}
            spellCheck={false}
            aria-invalid={failure ? true : undefined}
            aria-describedby={failure ? `${id}-problems` : `${id}-hint`}
            placeholder={
              '{\n  "id": "GHSA-xxxx-xxxx-xxxx",\n  "modified": "2026-01-31T12:00:00Z",\n  "summary": "…",\n  "affected": [ … ]\n}'
            }
            className={`${inputClass} min-h-80 font-mono text-[12px] leading-5`}
          />
          <p id={`${id}-hint`} className="text-[12px] text-zinc-500 dark:text-zinc-400" aria-live="polite">
            {fileNote ?? "The record is checked against the OSV schema before anything is saved."}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={!text.trim() || importing.isPending}>
            {importing.isPending ? "Importing…" : "Import"}
          </Button>
          {text ? (
            <Button
              variant="ghost"
              onClick={() => {
                setText("");
                setFileNote(null);
                importing.reset();
              }}
            >
              Clear
            </Button>
          ) : null}
        </div>
        <div aria-live="polite">
          {importing.data ? (
            <div
              className="flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm dark:border-emerald-900 dark:bg-emerald-950/40"
              data-testid="import-result"
            >
              <CheckCircle2
                className="mt-0.5 size-4 shrink-0 text-emerald-700 dark:text-emerald-400"
                aria-hidden="true"
              />
              <p>
                {importing.data.created ? "Created " : "Updated "}
                <Link href={`/reports/${importing.data.key}`} className="font-mono font-medium underline">
                  {importing.data.key}
                </Link>
                {importing.data.created ? "." : ", which already had this advisory's id or one of its aliases."}
              </p>
            </div>
          ) : null}
          {failure ? (
            <div
              id={`${id}-problems`}
              role="alert"
              className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200"
              data-testid="import-error"
            >
              <p className="font-medium">
                {failure.fields ? "Not imported: the record has problems" : failure.message}
              </p>
              {failure.fields ? (
                <ul className="mt-1.5 space-y-0.5">
                  {Object.entries(failure.fields).map(([path, message]) => (
                    <li key={path}>
                      <code className="font-mono text-[12px]">{path === "_" ? "(record)" : path}</code> {message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
      </form>
      <aside className="space-y-3 text-[13px] text-zinc-600 dark:text-zinc-400">
        <h2 className="text-[13px] font-semibold text-zinc-800 dark:text-zinc-200">What is read</h2>
        <ul className="list-disc space-y-1 pl-4">
          <li>summary → title, details → report text</li>
          <li>CVSS vectors → score and severity</li>
          <li>aliases → CVE and GHSA ids; CWE ids; credits</li>
          <li>affected ranges → the matrix row</li>
        </ul>
        <h2 className="pt-2 text-[13px] font-semibold text-zinc-800 dark:text-zinc-200">Packages you track</h2>
        {packages.length ? (
          <p>
            {packages.map((p, i) => (
              <span key={p}>
                {i ? ", " : ""}
                <code className="font-mono text-[12px]">{p}</code>
              </span>
            ))}
            . A record for another package is refused.
          </p>
        ) : (
          <p>None yet: an admin adds projects under Settings → Projects first.</p>
        )}
      </aside>
    </div>
  );
}
