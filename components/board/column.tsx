"use client";

import { useDraggable, useDroppable } from "@dnd-kit/core";
import { clsx } from "clsx";

import type { Status } from "@/lib/domain/workflow";
import { EMPTY_COLUMN_TEXT, STATUS_LABELS, STATUS_POLICY_STEP } from "@/lib/domain/workflow";
import type { ReportSummaryDto } from "@/lib/schemas/reports";

import { ReportCard } from "./report-card";

function DraggableCard({ card, now, canDrag }: { card: ReportSummaryDto; now: Date; canDrag: boolean }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: card.key,
    disabled: !canDrag,
    data: { status: card.status },
    attributes: { role: "link", roleDescription: "report card" },
  });
  return (
    <ReportCard
      report={card}
      now={now}
      dragRef={setNodeRef}
      dragProps={canDrag ? { ...attributes, ...listeners } : undefined}
      dragging={isDragging}
    />
  );
}

export function Column({
  status,
  cards,
  total,
  now,
  canDrag,
  refusal,
  dragging,
}: {
  status: Status;
  cards: ReportSummaryDto[];
  total: number;
  now: Date;
  canDrag: boolean;
  refusal: string | null;
  dragging: boolean;
}) {
  // refused columns stay droppable so a drop there can be explained, not silently ignored
  const { setNodeRef, isOver } = useDroppable({ id: status });
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={`col-${status}`}
      data-testid={`column-${status}`}
      data-refused={refusal ? "true" : undefined}
      className={clsx(
        "flex w-72 shrink-0 flex-col rounded-lg bg-zinc-100/70 transition dark:bg-zinc-900/60",
        // refused columns are hatched rather than faded, so their cards stay legible (WCAG contrast)
        dragging && refusal && "refused-column outline-1 outline-dashed outline-zinc-300 dark:outline-zinc-700",
        isOver && (refusal ? "ring-2 ring-red-400" : "ring-2 ring-accent-500"),
      )}
      title={refusal ?? STATUS_POLICY_STEP[status]}
    >
      <h2
        id={`col-${status}`}
        className="flex items-center justify-between px-3 pb-2 pt-3 text-[13px] font-semibold"
        title={STATUS_POLICY_STEP[status]}
      >
        <span>{STATUS_LABELS[status]}</span>
        <span
          className="tabular rounded-full bg-white px-2 text-[12px] font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
          aria-label={`${total} reports`}
        >
          {total}
        </span>
      </h2>
      {dragging && refusal ? (
        <p
          className="mx-2 mb-2 rounded bg-white/80 px-2 py-1.5 text-[12px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
          data-testid="refusal"
        >
          {refusal}
        </p>
      ) : null}
      {cards.length ? (
        <ul className="flex min-h-16 flex-col gap-2 px-2 pb-2">
          {cards.map((c) => (
            <DraggableCard key={c.key} card={c} now={now} canDrag={canDrag} />
          ))}
          {total > cards.length ? (
            <li className="px-1 text-[12px] text-zinc-500">
              {total - cards.length} more — narrow the filters to see them
            </li>
          ) : null}
        </ul>
      ) : (
        <p className="min-h-16 px-3 pb-4 pt-1 text-[12px] text-zinc-500">{EMPTY_COLUMN_TEXT[status]}</p>
      )}
    </section>
  );
}
