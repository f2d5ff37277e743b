import { clsx } from "clsx";
import { CheckCircle2, CircleDashed, CircleSlash, Clock, HelpCircle, XCircle } from "lucide-react";

import type { CellState } from "@/lib/domain/matrix";

const CELL: Record<CellState, { label: string; icon: typeof Clock; className: string }> = {
  fixed: { label: "fixed", icon: CheckCircle2, className: "text-emerald-700 dark:text-emerald-400" },
  fix_pending: { label: "pending", icon: Clock, className: "text-amber-700 dark:text-amber-300" },
  affected: { label: "affected", icon: XCircle, className: "text-red-700 dark:text-red-400" },
  wont_fix: { label: "won't fix", icon: CircleSlash, className: "text-zinc-600 dark:text-zinc-400" },
  not_affected: { label: "—", icon: CircleDashed, className: "text-zinc-400 dark:text-zinc-500" },
  unknown: { label: "unknown", icon: HelpCircle, className: "text-zinc-500" },
};

export const CELL_WORDS: Record<CellState, string> = {
  fixed: "fixed",
  fix_pending: "fix pending",
  affected: "affected",
  wont_fix: "won't fix",
  not_affected: "not affected",
  unknown: "unknown",
};

/** A matrix cell: a word, an icon and the version, never colour alone ("fixed 4.19.2", "pending 5.0.2", "—"). */
export function MatrixCell({
  state,
  version,
  overridden,
}: {
  state: CellState;
  version: string | null;
  overridden?: boolean;
}) {
  const c = CELL[state];
  const Icon = c.icon;
  return (
    <span
      className={clsx("inline-flex items-center gap-1 whitespace-nowrap text-[12px] font-medium", c.className)}
      title={`${CELL_WORDS[state]}${version ? ` ${version}` : ""}${overridden ? " (set by a handler)" : ""}`}
    >
      <Icon className="size-3.5 shrink-0" aria-hidden="true" />
      {state === "not_affected" ? (
        <>
          <span aria-hidden="true">—</span>
          <span className="sr-only">not affected</span>
        </>
      ) : (
        <span>
          {c.label}
          {version ? <span className="tabular font-mono"> {version}</span> : null}
        </span>
      )}
      {overridden ? (
        <span className="text-[10px] font-semibold uppercase text-accent-600 dark:text-accent-400"> set</span>
      ) : null}
    </span>
  );
}
