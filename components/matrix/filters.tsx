"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import type { Choice } from "@/components/ui/choice-select";
import { SEVERITY_CHOICES } from "@/components/ui/choice-select";
import { FilterSelect } from "@/components/ui/filter-select";
import type { CellState } from "@/lib/domain/matrix";
import { STATUSES, STATUS_LABELS } from "@/lib/domain/workflow";

const STATE_OPTIONS: Record<CellState, string> = {
  affected: "A line affected",
  fix_pending: "A fix not yet released",
  unknown: "A line not yet assessed",
  fixed: "A line fixed",
  wont_fix: "A line that won't be fixed",
  not_affected: "A line not affected",
};

const STATUS_CHOICES = STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const STATE_CHOICES = Object.entries(STATE_OPTIONS).map(([value, label]) => ({ value, label }));

const SELECTS: { key: "status" | "severity" | "state"; label: string; choices: readonly Choice[] }[] = [
  { key: "status", label: "Status", choices: [{ value: "", label: "Open reports" }, ...STATUS_CHOICES] },
  { key: "severity", label: "Severity", choices: [{ value: "", label: "Any severity" }, ...SEVERITY_CHOICES] },
  { key: "state", label: "Line state", choices: [{ value: "", label: "Any line state" }, ...STATE_CHOICES] },
];

export type MatrixPageFilters = { project?: string; status?: string; severity?: string; state?: string };

function href(filters: MatrixPageFilters): string {
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  return query.size ? `/matrix?${query}` : "/matrix";
}

/**
 * The matrix's filters. With JavaScript a change replaces the URL in place, so
 * the focused control keeps focus and arrow keys can walk the options; without
 * it, a plain GET form with an Apply button.
 */
export function MatrixFilters({ filters }: { filters: MatrixPageFilters }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [asked, setAsked] = useState(filters);
  // while the new page is on its way the controls show what was asked for, then what the page says
  const shown = pending ? asked : filters;
  const set = (key: keyof MatrixPageFilters, value: string) => {
    const next = { ...filters, [key]: value || undefined };
    setAsked(next);
    startTransition(() => router.replace(href(next), { scroll: false }));
  };
  const active = Boolean(filters.status || filters.severity || filters.state);
  return (
    <form
      method="get"
      action="/matrix"
      role="search"
      aria-label="Filter the matrix"
      aria-busy={pending}
      className="mb-3 flex flex-wrap items-center gap-2"
    >
      {filters.project ? <input type="hidden" name="project" value={filters.project} /> : null}
      {SELECTS.map(({ key, label, choices }) => (
        <FilterSelect
          key={key}
          id={`matrix-${key}`}
          label={label}
          name={key}
          value={shown[key] ?? ""}
          onChange={(e) => set(key, e.target.value)}
          choices={choices}
        />
      ))}
      <noscript>
        <button
          type="submit"
          className="h-8 rounded-md border border-zinc-300 px-3 text-[13px] font-medium dark:border-zinc-700"
        >
          Apply
        </button>
      </noscript>
      {active ? (
        <Link
          href={href({ project: filters.project })}
          className="text-[13px] font-medium text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400"
        >
          Clear filters
        </Link>
      ) : null}
      {pending ? <span className="text-[12px] text-zinc-500">Updating…</span> : null}
    </form>
  );
}
