import { clsx } from "clsx";
import { AlertTriangle, CheckCircle2, Clock, PauseCircle, XCircle } from "lucide-react";

import type { ClockView } from "@/lib/clock-view";
import type { ClockName, ClockState } from "@/lib/domain/sla";
import type { Severity, Status } from "@/lib/domain/workflow";
import { SEVERITY_LABELS, STATUS_LABELS } from "@/lib/domain/workflow";
import { formatInstant, formatSpan } from "@/lib/format";

const SEVERITY_STYLE: Record<Severity, string> = {
  CRITICAL: "bg-red-600 text-white",
  HIGH: "bg-orange-100 text-orange-800 ring-1 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800",
  MEDIUM: "bg-amber-50 text-amber-800 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  LOW: "bg-sky-50 text-sky-800 ring-1 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  NONE: "bg-zinc-100 text-zinc-600 ring-1 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
};

/** Severity as a word and a colour, never colour alone. */
export function SeverityBadge({ severity, score }: { severity: Severity | null; score?: number | null }) {
  if (!severity) {
    return (
      <span className="rounded px-1.5 py-0.5 text-[11px] font-medium text-zinc-500 ring-1 ring-zinc-200 ring-inset dark:ring-zinc-700">
        Unrated
      </span>
    );
  }
  return (
    <span
      className={clsx(
        "rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide",
        SEVERITY_STYLE[severity],
      )}
    >
      {SEVERITY_LABELS[severity]}
      {score != null ? <span className="tabular ml-1 font-medium">{score.toFixed(1)}</span> : null}
    </span>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-[12px] font-medium text-zinc-700 ring-1 ring-zinc-200 ring-inset dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-700">
      {STATUS_LABELS[status]}
    </span>
  );
}

export const CLOCK_LABELS: Record<ClockName, string> = {
  acknowledge: "Acknowledge",
  response: "Detailed response",
  update: "Keep informed",
  fix: "Fix",
};

const CLOCK_STYLE: Record<ClockState, string> = {
  ok: "text-zinc-600 dark:text-zinc-300",
  at_risk: "text-amber-700 dark:text-amber-300",
  breached: "text-red-700 dark:text-red-400",
  met: "text-emerald-700 dark:text-emerald-400",
  paused: "text-zinc-500 dark:text-zinc-400",
};

const CLOCK_ICON: Record<ClockState, typeof Clock> = {
  ok: Clock,
  at_risk: AlertTriangle,
  breached: XCircle,
  met: CheckCircle2,
  paused: PauseCircle,
};

/** The words a clock state shows, e.g. "2 d 4 h left", "late by 3 h". */
export const CLOCK_SHORT_LABELS: Record<ClockName, string> = {
  acknowledge: "Ack",
  response: "Response",
  update: "Update",
  fix: "Fix",
};

export function clockText(c: ClockView, now: Date): string {
  if (c.state === "paused") return "paused — waiting on reporter";
  if (c.state === "met") {
    if (c.metAt && c.startedAt)
      return `met in ${formatSpan(new Date(c.metAt).getTime() - new Date(c.startedAt).getTime())}`;
    return "met";
  }
  if (!c.dueAt) return "not started";
  const left = new Date(c.dueAt).getTime() - now.getTime();
  return left < 0 ? `late by ${formatSpan(left)}` : `${formatSpan(left)} left`;
}

export function ClockChip({ clock, now, short = false }: { clock: ClockView; now: Date; short?: boolean }) {
  const Icon = CLOCK_ICON[clock.state];
  const title = clock.dueAt
    ? `${CLOCK_LABELS[clock.clock]} due ${formatInstant(clock.dueAt)}`
    : CLOCK_LABELS[clock.clock];
  return (
    <span
      className={clsx("inline-flex flex-wrap items-center gap-x-1 text-[12px] font-medium", CLOCK_STYLE[clock.state])}
      title={title}
    >
      <Icon className="size-3.5 shrink-0" aria-hidden="true" />
      <span className="text-zinc-500 dark:text-zinc-400">
        {(short ? CLOCK_SHORT_LABELS : CLOCK_LABELS)[clock.clock]}:
      </span>{" "}
      <span className="tabular whitespace-nowrap">{clockText(clock, now)}</span>
    </span>
  );
}
