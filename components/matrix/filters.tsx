import Link from "next/link";

import { AutoSubmitForm } from "@/components/ui/auto-submit-form";
import type { CellState } from "@/lib/domain/matrix";
import { SEVERITIES, SEVERITY_LABELS, STATUSES, STATUS_LABELS } from "@/lib/domain/workflow";

const STATE_OPTIONS: Record<CellState, string> = {
  affected: "A line affected",
  fix_pending: "A fix not yet released",
  unknown: "A line not yet assessed",
  fixed: "A line fixed",
  wont_fix: "A line that won't be fixed",
  not_affected: "A line not affected",
};

const selectClass = "h-8 rounded-md border border-zinc-300 bg-white px-2 text-[13px] dark:border-zinc-700 dark:bg-zinc-900";

export type MatrixPageFilters = { project?: string; status?: string; severity?: string; state?: string };

/** The matrix's filters: a GET form (works without JavaScript), sent again on every change. */
export function MatrixFilters({ filters }: { filters: MatrixPageFilters }) {
  const active = Boolean(filters.status || filters.severity || filters.state);
  return (
    <AutoSubmitForm method="get" action="/matrix" role="search" aria-label="Filter the matrix" className="mb-3 flex flex-wrap items-center gap-2">
      {filters.project ? <input type="hidden" name="project" value={filters.project} /> : null}
      <label className="sr-only" htmlFor="matrix-status">Status</label>
      <select id="matrix-status" name="status" defaultValue={filters.status ?? ""} className={selectClass}>
        <option value="">Open reports</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>{STATUS_LABELS[s]}</option>
        ))}
      </select>
      <label className="sr-only" htmlFor="matrix-severity">Severity</label>
      <select id="matrix-severity" name="severity" defaultValue={filters.severity ?? ""} className={selectClass}>
        <option value="">Any severity</option>
        {[...SEVERITIES].reverse().map((s) => (
          <option key={s} value={s}>{SEVERITY_LABELS[s]}</option>
        ))}
      </select>
      <label className="sr-only" htmlFor="matrix-state">Line state</label>
      <select id="matrix-state" name="state" defaultValue={filters.state ?? ""} className={selectClass}>
        <option value="">Any line state</option>
        {Object.entries(STATE_OPTIONS).map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="h-8 rounded-md border border-zinc-300 px-3 text-[13px] font-medium dark:border-zinc-700">Apply</button>
      </noscript>
      {active ? (
        <Link href={filters.project ? `/matrix?project=${encodeURIComponent(filters.project)}` : "/matrix"} className="text-[13px] font-medium text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Clear filters
        </Link>
      ) : null}
    </AutoSubmitForm>
  );
}
