import { clsx } from "clsx";
import Link from "next/link";

import { ClockChip, SeverityBadge } from "@/components/ui/badges";
import { mostUrgentView } from "@/lib/clock-view";
import { initials } from "@/lib/format";
import type { ReportSummaryDto } from "@/lib/schemas/reports";

type Props = {
  report: ReportSummaryDto;
  now: Date;
  /** drag and drop wiring from the board (the card stays a link: Enter opens it, Space picks it up) */
  dragRef?: (node: HTMLElement | null) => void;
  dragProps?: Record<string, unknown>;
  dragging?: boolean;
  overlay?: boolean;
};

export function ReportCard({ report, now, dragRef, dragProps, dragging, overlay }: Props) {
  const urgent = mostUrgentView(report.sla);
  const next = report.sla
    .filter((c) => c !== urgent && c.state !== "met" && c.dueAt)
    .sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!))[0];
  const breached = urgent?.state === "breached";
  const body = (
    <>
      <div className="flex items-center justify-between gap-2">
        <span className="flex items-center gap-1.5">
          <span className="font-mono text-[12px] text-zinc-500 dark:text-zinc-400">{report.key}</span>
          {report.unread ? (
            <span
              data-testid="card-unread"
              title="The reporter wrote since you last opened this report"
              className="inline-flex items-center gap-1 rounded-full bg-accent-50 px-1.5 text-[11px] font-medium text-accent-700 dark:bg-accent-700/20 dark:text-accent-100"
            >
              <span aria-hidden="true" className="size-1.5 rounded-full bg-accent-600 dark:bg-accent-100" />
              New reply
            </span>
          ) : null}
        </span>
        <SeverityBadge severity={report.severity} />
      </div>
      <p className="mt-1.5 line-clamp-2 text-[13px] font-medium leading-5 text-zinc-900 dark:text-zinc-100">
        {report.title}
      </p>
      <div className="mt-2 flex items-center justify-between gap-2">
        <div className="flex min-w-0 flex-wrap gap-1">
          {report.project ? (
            <span className="truncate rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
              {report.project.slug}
            </span>
          ) : null}
          {report.affectedLines.slice(0, 3).map((l) => (
            <span
              key={l.line}
              title={l.state === "affected" ? `${l.line} is affected` : `${l.line}: fixed in a release not out yet`}
              data-testid="card-line"
              className={clsx(
                "rounded px-1.5 py-0.5 font-mono text-[11px] ring-1 ring-inset",
                l.state === "affected"
                  ? "text-red-700 ring-red-200 dark:text-red-300 dark:ring-red-900"
                  : "text-amber-700 ring-amber-200 dark:text-amber-300 dark:ring-amber-900",
              )}
            >
              {l.line}
              <span className="sr-only">{l.state === "affected" ? " affected" : " fix pending"}</span>
            </span>
          ))}
          {report.affectedLines.length > 3 ? (
            <span className="px-0.5 text-[11px] text-zinc-500">+{report.affectedLines.length - 3}</span>
          ) : null}
          {report.labels.slice(0, 2).map((label) => (
            <span
              key={label}
              className="truncate rounded px-1.5 py-0.5 text-[11px] text-zinc-500 ring-1 ring-zinc-200 ring-inset dark:ring-zinc-700"
            >
              {label}
            </span>
          ))}
        </div>
        {report.assignee ? (
          <span
            title={`Primary handler: ${report.assignee.name}`}
            className="grid size-6 shrink-0 place-items-center rounded-full bg-accent-100 text-[10px] font-semibold text-accent-700 dark:bg-accent-700 dark:text-white"
          >
            <span aria-hidden="true">{initials(report.assignee.name)}</span>
            <span className="sr-only">Primary handler: {report.assignee.name}</span>
          </span>
        ) : (
          <span className="text-[11px] text-zinc-400">Unassigned</span>
        )}
      </div>
      {urgent ? (
        <div className="mt-2 border-t border-zinc-100 pt-2 dark:border-zinc-800">
          <ClockChip clock={urgent} now={now} short />
          {next ? (
            <div className="hidden group-hover:block group-focus-visible:block">
              <ClockChip clock={next} now={now} short />
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
  const className = clsx(
    "group block rounded-md border p-3 transition hover:border-zinc-300 dark:hover:border-zinc-600",
    breached
      ? "border-zinc-200 border-l-4 border-l-red-600 dark:border-zinc-800 dark:border-l-red-500"
      : "border-zinc-200 dark:border-zinc-800",
    // the card's own place while it is carried: a dashed, flat slot (faded text would fail contrast)
    dragging ? "border-dashed bg-zinc-50 dark:bg-zinc-950" : "bg-white shadow-xs hover:shadow-sm dark:bg-zinc-900",
    overlay && "w-68 rotate-1 cursor-grabbing shadow-lg ring-2 ring-accent-500",
  );
  if (overlay) return <div className={className}>{body}</div>;
  return (
    <li>
      <Link
        href={`/reports/${report.key}`}
        data-testid="report-card"
        data-key={report.key}
        data-status={report.status}
        ref={dragRef}
        {...dragProps}
        className={className}
      >
        {body}
      </Link>
    </li>
  );
}
