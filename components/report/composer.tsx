"use client";

import { clsx } from "clsx";
import { Lock, Mail } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Markdown } from "@/components/ui/markdown";
import { ApiError, api } from "@/lib/api-client";

type Canned = { slug: string; name: string; body: string; visibility: "INTERNAL" | "REPORTER" };

/**
 * The two visibilities as an ARIA radio group: one tab stop, the arrow keys switch
 * (and move focus), as a screen reader user expects of radios.
 */
function VisibilitySwitch({ toReporter, onChange }: { toReporter: boolean; onChange: (v: boolean) => void }) {
  const refs = [useRef<HTMLButtonElement>(null), useRef<HTMLButtonElement>(null)];
  const options = [
    {
      value: false,
      icon: Lock,
      label: "Internal note",
      on: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
    },
    { value: true, icon: Mail, label: "Send to reporter", on: "bg-accent-600 text-white" },
  ];
  function onKeyDown(e: React.KeyboardEvent) {
    if (!["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].includes(e.key)) return;
    e.preventDefault();
    onChange(!toReporter);
    refs[toReporter ? 0 : 1]!.current?.focus();
  }
  return (
    <div
      role="radiogroup"
      aria-label="Visibility"
      onKeyDown={onKeyDown}
      className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5 dark:border-zinc-700 dark:bg-zinc-900"
    >
      {options.map((o, i) => {
        const checked = o.value === toReporter;
        return (
          <button
            key={o.label}
            ref={refs[i]}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            onClick={() => onChange(o.value)}
            className={clsx(
              "inline-flex items-center gap-1 rounded px-2 py-1 text-[12px] font-medium",
              checked ? o.on : "text-zinc-600 dark:text-zinc-400",
            )}
          >
            <o.icon className="size-3.5" aria-hidden="true" /> {o.label}
          </button>
        );
      })}
    </div>
  );
}

/** Internal by default; reaching the reporter is a deliberate switch that changes the button. */
export function Composer({ reportKey, canned }: { reportKey: string; canned: Canned[] }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [toReporter, setToReporter] = useState(false);
  const [preview, setPreview] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send() {
    setPending(true);
    setError(null);
    try {
      await api(`/api/v1/reports/${reportKey}/messages`, {
        method: "POST",
        json: { body, visibility: toReporter ? "reporter" : "internal" },
      });
      setBody("");
      setToReporter(false);
      setPreview(false);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The message was not sent. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <section
      aria-labelledby="composer-heading"
      className={clsx(
        "rounded-lg border p-3",
        toReporter
          ? "border-accent-500 bg-accent-50/40 dark:bg-accent-700/10"
          : "border-amber-200 bg-amber-50/50 dark:border-amber-900/60 dark:bg-amber-950/20",
      )}
    >
      <h2 id="composer-heading" className="sr-only">
        Write a note or message
      </h2>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <VisibilitySwitch toReporter={toReporter} onChange={setToReporter} />
        <label className="sr-only" htmlFor="canned">
          Canned response
        </label>
        <select
          id="canned"
          value=""
          onChange={(e) => {
            const c = canned.find((x) => x.slug === e.target.value);
            if (!c) return;
            setBody((b) => (b ? `${b}\n\n${c.body}` : c.body));
            if (c.visibility === "REPORTER") setToReporter(true);
          }}
          className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-[12px] dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">Canned response…</option>
          {canned.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => setPreview((p) => !p)}
          aria-pressed={preview}
          className="ml-auto rounded px-2 py-1 text-[12px] text-zinc-600 hover:bg-white dark:text-zinc-400 dark:hover:bg-zinc-800"
        >
          {preview ? "Edit" : "Preview"}
        </button>
      </div>
      {preview ? (
        <div className="min-h-28 rounded-md border border-zinc-200 bg-white p-3 dark:border-zinc-700 dark:bg-zinc-900">
          {body ? <Markdown>{body}</Markdown> : <p className="text-zinc-500">Nothing to preview.</p>}
        </div>
      ) : (
        <>
          <label htmlFor="composer" className="sr-only">
            {toReporter ? "Message to the reporter" : "Internal note"}
          </label>
          <textarea
            id="composer"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={5}
            placeholder={
              toReporter
                ? "Write to the reporter (Markdown). They receive it by e-mail and on their status page."
                : "Write an internal note (Markdown). Only the team sees it."
            }
            className={clsx(inputClass, "font-mono text-[13px]")}
          />
        </>
      )}
      {error ? (
        <p className="mt-2 text-[13px] font-medium text-red-600 dark:text-red-400" role="alert">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex items-center justify-between gap-2">
        <p className="text-[12px] text-zinc-500">
          {toReporter ? "The reporter will see this." : "Only the security team sees internal notes."}
        </p>
        <Button
          variant={toReporter ? "primary" : "secondary"}
          disabled={pending || !body.trim()}
          onClick={() => void send()}
        >
          {pending ? "Sending…" : toReporter ? "Send to reporter" : "Add internal note"}
        </Button>
      </div>
    </section>
  );
}
