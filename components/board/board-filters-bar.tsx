"use client";

import { clsx } from "clsx";
import { AlertTriangle, Search, XCircle } from "lucide-react";

import { ChoiceSelect, SEVERITY_CHOICES } from "@/components/ui/choice-select";
import type { BoardFilters } from "@/lib/board-filters";

const selectClass =
  "h-8 rounded-md border border-zinc-300 bg-white px-2 text-[13px] dark:border-zinc-700 dark:bg-zinc-900";

export function BoardFiltersBar({
  filters,
  onChange,
  projects,
  handlers,
  atRisk,
  breached,
  loading,
}: {
  filters: BoardFilters;
  onChange: (next: BoardFilters) => void;
  projects: { slug: string; name: string }[];
  handlers: { email: string; name: string }[];
  atRisk: number;
  breached: number;
  loading: boolean;
}) {
  const set = (key: keyof BoardFilters, value: string | undefined) =>
    onChange({ ...filters, [key]: value || undefined });
  const toggle = (key: keyof BoardFilters, value: string) => set(key, filters[key] === value ? undefined : value);
  const active = Object.keys(filters).length > 0;

  return (
    <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter the board">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          set("q", String(new FormData(e.currentTarget).get("q") ?? "").trim());
        }}
        className="relative"
      >
        <Search className="pointer-events-none absolute left-2 top-2 size-4 text-zinc-400" aria-hidden="true" />
        <label htmlFor="board-q" className="sr-only">
          Search reports
        </label>
        <input
          id="board-q"
          name="q"
          key={filters.q ?? ""}
          defaultValue={filters.q}
          onBlur={(e) => e.target.value.trim() !== (filters.q ?? "") && set("q", e.target.value.trim())}
          placeholder="Search reports"
          className="h-8 w-56 rounded-md border border-zinc-300 bg-white pl-7 pr-2 text-[13px] dark:border-zinc-700 dark:bg-zinc-900"
        />
      </form>
      <label className="sr-only" htmlFor="board-project">
        Project
      </label>
      <ChoiceSelect
        id="board-project"
        value={filters.project ?? ""}
        onChange={(e) => set("project", e.target.value)}
        className={selectClass}
        choices={[
          { value: "", label: "All projects" },
          { value: "none", label: "Unsorted" },
          ...projects.map((p) => ({ value: p.slug, label: p.name })),
        ]}
      />
      <label className="sr-only" htmlFor="board-assignee">
        Handler
      </label>
      <ChoiceSelect
        id="board-assignee"
        value={filters.assignee ?? ""}
        onChange={(e) => set("assignee", e.target.value)}
        className={selectClass}
        choices={[
          { value: "", label: "Any handler" },
          { value: "me", label: "Mine" },
          { value: "none", label: "Unassigned" },
          ...handlers.map((h) => ({ value: h.email, label: h.name })),
        ]}
      />
      <label className="sr-only" htmlFor="board-severity">
        Severity
      </label>
      <ChoiceSelect
        id="board-severity"
        value={filters.severity ?? ""}
        onChange={(e) => set("severity", e.target.value)}
        className={selectClass}
        choices={[{ value: "", label: "Any severity" }, ...SEVERITY_CHOICES]}
      />
      <label className="sr-only" htmlFor="board-label">
        Label
      </label>
      <input
        id="board-label"
        key={`label-${filters.label ?? ""}`}
        defaultValue={filters.label}
        placeholder="Label"
        onBlur={(e) => e.target.value.trim() !== (filters.label ?? "") && set("label", e.target.value.trim())}
        onKeyDown={(e) => {
          if (e.key === "Enter") set("label", e.currentTarget.value.trim());
        }}
        className="h-8 w-28 rounded-md border border-zinc-300 bg-white px-2 text-[13px] dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button
        type="button"
        aria-pressed={filters.assignee === "me"}
        onClick={() => toggle("assignee", "me")}
        className={clsx(
          "h-8 rounded-md border px-2.5 text-[13px]",
          filters.assignee === "me"
            ? "border-accent-500 bg-accent-50 text-accent-700 dark:bg-accent-700/20 dark:text-accent-100"
            : "border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900",
        )}
      >
        Mine
      </button>
      <div className="ml-auto flex items-center gap-2">
        <button
          type="button"
          aria-pressed={filters.sla === "breached"}
          onClick={() => toggle("sla", "breached")}
          data-testid="filter-breached"
          className={clsx(
            "inline-flex h-8 items-center gap-1 rounded-md border px-2.5 text-[13px] font-medium text-red-700 dark:text-red-400",
            filters.sla === "breached"
              ? "border-red-400 bg-red-50 dark:bg-red-950/40"
              : "border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900",
          )}
        >
          <XCircle className="size-4" aria-hidden="true" />
          <span className="tabular">{breached}</span> breached
        </button>
        <button
          type="button"
          aria-pressed={filters.sla === "at_risk"}
          onClick={() => toggle("sla", "at_risk")}
          className={clsx(
            "inline-flex h-8 items-center gap-1 rounded-md border px-2.5 text-[13px] font-medium text-amber-700 dark:text-amber-300",
            filters.sla === "at_risk"
              ? "border-amber-400 bg-amber-50 dark:bg-amber-950/40"
              : "border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900",
          )}
        >
          <AlertTriangle className="size-4" aria-hidden="true" />
          <span className="tabular">{atRisk}</span> at risk
        </button>
        {active ? (
          <button
            type="button"
            onClick={() => onChange({})}
            className="h-8 rounded-md px-2 text-[13px] text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
          >
            Clear filters
          </button>
        ) : null}
        <span
          className={clsx("size-2 rounded-full", loading ? "animate-pulse bg-accent-500" : "bg-transparent")}
          aria-hidden="true"
        />
      </div>
    </div>
  );
}
