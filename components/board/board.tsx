import { ChevronRight } from "lucide-react";

import { EMPTY_COLUMN_TEXT, STATUSES, STATUS_LABELS, STATUS_POLICY_STEP } from "@/lib/domain/workflow";
import type { Status } from "@/lib/domain/workflow";
import type { ReportSummaryDto } from "@/lib/server/reports.schema";

import { ReportCard } from "./report-card";

function Column({ status, reports, now }: { status: Status; reports: ReportSummaryDto[]; now: Date }) {
  return (
    <section aria-labelledby={`col-${status}`} className="flex w-72 shrink-0 flex-col rounded-lg bg-zinc-100/70 dark:bg-zinc-900/60" data-testid={`column-${status}`}>
      <h2 id={`col-${status}`} className="flex items-center justify-between px-3 pb-2 pt-3 text-[13px] font-semibold" title={STATUS_POLICY_STEP[status]}>
        <span>{STATUS_LABELS[status]}</span>
        <span className="tabular rounded-full bg-white px-2 text-[12px] font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300" aria-label={`${reports.length} reports`}>
          {reports.length}
        </span>
      </h2>
      {reports.length ? (
        <ul className="flex flex-col gap-2 px-2 pb-2">
          {reports.map((r) => (
            <ReportCard key={r.key} report={r} now={now} />
          ))}
        </ul>
      ) : (
        <p className="px-3 pb-4 pt-1 text-[12px] text-zinc-500">{EMPTY_COLUMN_TEXT[status]}</p>
      )}
    </section>
  );
}

export function Board({ reports, now }: { reports: ReportSummaryDto[]; now: Date }) {
  const byStatus = new Map<Status, ReportSummaryDto[]>(STATUSES.map((s) => [s, []]));
  for (const r of reports) byStatus.get(r.status)!.push(r);
  const closed = byStatus.get("CLOSED")!;
  closed.sort((a, b) => Date.parse(b.closedAt ?? b.receivedAt) - Date.parse(a.closedAt ?? a.receivedAt));
  return (
    <div className="-mx-4 flex items-start gap-3 overflow-x-auto px-4 pb-4">
      {STATUSES.filter((s) => s !== "CLOSED").map((status) => (
        <Column key={status} status={status} reports={byStatus.get(status)!} now={now} />
      ))}
      <details className="group shrink-0 rounded-lg bg-zinc-100/70 dark:bg-zinc-900/60" data-testid="column-CLOSED">
        <summary className="flex w-44 cursor-pointer list-none items-center gap-1 px-3 py-3 text-[13px] font-semibold group-open:w-72" title={STATUS_POLICY_STEP.CLOSED}>
          <ChevronRight className="size-4 transition group-open:rotate-90" aria-hidden="true" />
          <span>Closed</span>
          <span className="tabular ml-auto rounded-full bg-white px-2 text-[12px] font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{closed.length}</span>
        </summary>
        <ul className="flex w-72 flex-col gap-2 px-2 pb-2">
          {closed.map((r) => (
            <ReportCard key={r.key} report={r} now={now} />
          ))}
        </ul>
      </details>
    </div>
  );
}
