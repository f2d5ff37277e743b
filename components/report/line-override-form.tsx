"use client";

import { Button } from "@/components/ui/button";

import type { LineCell } from "./versions-panel";

export const small =
  "h-7 rounded border border-zinc-300 bg-white px-1.5 font-mono text-[12px] dark:border-zinc-700 dark:bg-zinc-900";

/** Sets a line's state by hand (or back to computed), with its fixed version, fix reference and note. */
export function LineOverrideForm({
  cell: c,
  error,
  onSave,
}: {
  cell: LineCell;
  error: string | null;
  onSave: (form: FormData) => void;
}) {
  return (
    <form
      className="grid grid-cols-2 gap-1.5 pt-1"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(new FormData(e.currentTarget));
      }}
    >
      <label className="col-span-2 flex items-center gap-2">
        <span className="w-20">Set state</span>
        <select name="state" defaultValue={c.overridden ? c.state : ""} className={`${small} flex-1 font-sans`}>
          <option value="">computed</option>
          <option value="fixed">fixed</option>
          <option value="not_affected">not affected</option>
          <option value="affected">affected</option>
          <option value="wont_fix">won&apos;t fix</option>
        </select>
      </label>
      {[
        { name: "fixedVersion", label: "Fixed version", hint: "fixed version", value: c.overridden ? c.version : "" },
        { name: "fixRef", label: "Fix reference", hint: "commit or PR URL", value: c.fixRef },
        { name: "note", label: "Note", hint: "note (needed for won't fix)", value: c.note, wide: true },
      ].map((f) => (
        <input
          key={f.name}
          name={f.name}
          placeholder={f.hint}
          defaultValue={f.value ?? ""}
          className={f.wide ? `${small} col-span-2 font-sans` : small}
          aria-label={`${f.label} on ${c.line}`}
        />
      ))}
      <Button type="submit" size="sm" variant="secondary" className="col-span-2">
        Save {c.line}
      </Button>
      {error ? (
        <p className="col-span-2 font-medium text-red-600 dark:text-red-400" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
