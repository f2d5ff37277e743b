"use client";

import { clsx } from "clsx";
import { AlertTriangle, Search, XCircle } from "lucide-react";

import { SEVERITY_CHOICES } from "@/components/ui/choice-select";
import { FilterSelect } from "@/components/ui/filter-select";
import type { BoardFilters } from "@/lib/board-filters";

const SLA_TOGGLES = [
  {
    value: "breached",
    label: "breached",
    Icon: XCircle,
    className: "text-red-700 dark:text-red-400",
    pressedClassName: "border-red-400 bg-red-50 dark:bg-red-950/40",
    testId: "filter-breached",
  },
  {
    value: "at_risk",
    label: "at risk",
    Icon: AlertTriangle,
    className: "text-amber-700 dark:text-amber-300",
    pressedClassName: "border-amber-400 bg-amber-50 dark:bg-amber-950/40",
    testId: undefined,
  },
] as const;

/** A filter that is on or off, saying which with aria-pressed and its border, not colour alone. */
function ToggleButton({
  pressed,
  className,
  pressedClassName,
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { pressed: boolean; pressedClassName: string }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      className={clsx(
        "h-8 rounded-md border px-2.5 text-[13px]",
        className,
        pressed ? pressedClassName : "border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900",
      )}
      {...props}
    />
  );
}

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
      <FilterSelect
        id="board-project"
        label="Project"
        value={filters.project ?? ""}
        onChange={(e) => set("project", e.target.value)}
        choices={[
          { value: "", label: "All projects" },
          { value: "none", label: "Unsorted" },
          ...projects.map((p) => ({ value: p.slug, label: p.name })),
        ]}
      />
      <FilterSelect
        id="board-assignee"
        label="Handler"
        value={filters.assignee ?? ""}
        onChange={(e) => set("assignee", e.target.value)}
        choices={[
          { value: "", label: "Any handler" },
          { value: "me", label: "Mine" },
          { value: "none", label: "Unassigned" },
          ...handlers.map((h) => ({ value: h.email, label: h.name })),
        ]}
      />
      <FilterSelect
        id="board-severity"
        label="Severity"
        value={filters.severity ?? ""}
        onChange={(e) => set("severity", e.target.value)}
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
      <ToggleButton
        pressed={filters.assignee === "me"}
        onClick={() => toggle("assignee", "me")}
        pressedClassName="border-accent-500 bg-accent-50 text-accent-700 dark:bg-accent-700/20 dark:text-accent-100"
      >
        Mine
      </ToggleButton>
      <div className="ml-auto flex items-center gap-2">
        {SLA_TOGGLES.map(({ value, label, Icon, className, pressedClassName, testId }) => (
          <ToggleButton
            key={value}
            pressed={filters.sla === value}
            onClick={() => toggle("sla", value)}
            data-testid={testId}
            className={clsx("inline-flex items-center gap-1 font-medium", className)}
            pressedClassName={pressedClassName}
          >
            <Icon className="size-4" aria-hidden="true" />
            <span className="tabular">{value === "breached" ? breached : atRisk}</span> {label}
          </ToggleButton>
        ))}
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
