"use client";

import type { DragEndEvent, DragStartEvent } from "@dnd-kit/core";
import { DndContext, DragOverlay } from "@dnd-kit/core";
import { useQuery } from "@tanstack/react-query";
import { clsx } from "clsx";
import { ChevronRight } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";

import { CloseDialog } from "@/components/ui/close-dialog";
import { api } from "@/lib/api-client";
import type { BoardFilters } from "@/lib/board-filters";
import { boardFilters, boardQueryKey, boardSearch } from "@/lib/board-filters";
import { dropTargets, reportFacts } from "@/lib/domain/transitions";
import type { Status } from "@/lib/domain/workflow";
import { STATUSES, STATUS_LABELS, STATUS_POLICY_STEP } from "@/lib/domain/workflow";
import type { BoardDto, ReportSummaryDto } from "@/lib/schemas/reports";

import { SCREEN_READER_INSTRUCTIONS, boardAnnouncements } from "./announcements";
import { findCard } from "./board-cache";
import { BoardFiltersBar } from "./board-filters-bar";
import { Column } from "./column";
import { collision, useBoardSensors } from "./keyboard";
import { ReportCard } from "./report-card";
import { useBoardEvents } from "./use-board-events";
import type { BoardNotice } from "./use-move-card";
import { useMoveCard } from "./use-move-card";

/** Focuses a card once it shows in the column (the optimistic move lands a frame or two later). */
function focusCardIn(board: HTMLElement | null, key: string, status: Status, frames = 30) {
  const card = board?.querySelector<HTMLElement>(`[data-testid="column-${status}"] [data-key="${key}"]`);
  if (card) card.focus();
  else if (frames > 0) requestAnimationFrame(() => focusCardIn(board, key, status, frames - 1));
}

export function BoardClient({
  serverNow,
  canWrite,
  projects,
  handlers,
}: {
  serverNow: string;
  canWrite: boolean;
  projects: { slug: string; name: string }[];
  handlers: { email: string; name: string }[];
}) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(() => boardFilters(params), [params]);
  const key = boardQueryKey(filters);
  const {
    data: board,
    isFetching,
    error,
  } = useQuery({ queryKey: key, queryFn: () => api<BoardDto>(`/api/v1/board${boardSearch(filters)}`) });
  const [now, setNow] = useState(() => new Date(serverNow));
  const [active, setActive] = useState<ReportSummaryDto | null>(null);
  const [closing, setClosing] = useState<ReportSummaryDto | null>(null);
  const [notice, setNotice] = useState<BoardNotice | null>(null);
  const [closedOpen, setClosedOpen] = useState(false);

  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    // marks the board interactive: tests wait for it before dragging
    root.current?.setAttribute("data-hydrated", "true");
    return () => clearInterval(timer);
  }, []);

  useBoardEvents(key, filters);
  const move = useMoveCard(key, setNotice);
  const sensors = useBoardSensors();

  const targets = active ? dropTargets(active.status, reportFacts(active)) : null;
  const refusalFor = (status: Status): string | null => {
    if (!targets || !active || status === active.status) return null;
    const t = targets[status];
    return t.ok ? null : t.reason;
  };

  function onDragStart(event: DragStartEvent) {
    setNotice(null);
    setActive(findCard(board, String(event.active.id)) ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    const card = active;
    setActive(null);
    const to = event.over?.id as Status | undefined;
    if (!card || !to || to === card.status) return;
    const target = dropTargets(card.status, reportFacts(card))[to];
    if (!target.ok) {
      setNotice({ text: `${card.key} cannot move to ${STATUS_LABELS[to]}: ${target.reason}`, tone: "error" });
      return;
    }
    if (to === "CLOSED") {
      setClosing(card);
      return;
    }
    move.mutate({ key: card.key, to, version: card.version });
    // a keyboard move re-mounts the card in its new column: give it focus back there, ready for the next move
    if (event.activatorEvent instanceof KeyboardEvent) focusCardIn(root.current, card.key, to);
  }

  function setFilters(next: BoardFilters) {
    router.replace(`${pathname}${boardSearch(next)}`, { scroll: false });
  }

  return (
    <div ref={root} data-testid="board">
      <BoardFiltersBar
        filters={filters}
        onChange={setFilters}
        projects={projects}
        handlers={handlers}
        atRisk={board?.atRisk ?? 0}
        breached={board?.breached ?? 0}
        loading={isFetching}
      />
      <div aria-live="polite" role="status" className="min-h-6 py-1 text-[13px]">
        {error && !notice ? <span className="text-red-700 dark:text-red-400">{error.message}</span> : null}
        {notice ? (
          <span
            className={clsx(
              notice.tone === "error" ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400",
            )}
            data-testid="board-notice"
          >
            {notice.text}
          </span>
        ) : null}
      </div>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActive(null)}
        accessibility={{
          announcements: boardAnnouncements(refusalFor),
          screenReaderInstructions: SCREEN_READER_INSTRUCTIONS,
        }}
      >
        {/* wider than a phone: the columns scroll sideways in their own region, never the page */}
        <div
          role="region"
          aria-label="Board columns"
          className="relative -mx-4 flex items-start gap-3 overflow-x-auto px-4 pb-4"
        >
          {STATUSES.filter((s) => s !== "CLOSED").map((status) => (
            <Column
              key={status}
              status={status}
              cards={board?.columns[status].items ?? []}
              total={board?.columns[status].total ?? 0}
              now={now}
              canDrag={canWrite}
              refusal={refusalFor(status)}
              dragging={!!active}
            />
          ))}
          {closedOpen || active ? (
            <div className="flex flex-col gap-1">
              <Column
                status="CLOSED"
                cards={board?.columns.CLOSED.items ?? []}
                total={board?.columns.CLOSED.total ?? 0}
                now={now}
                canDrag={canWrite}
                refusal={refusalFor("CLOSED")}
                dragging={!!active}
              />
              {!active ? (
                <button
                  type="button"
                  className="self-start rounded px-2 py-1 text-[12px] text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
                  onClick={() => setClosedOpen(false)}
                >
                  Collapse Closed
                </button>
              ) : null}
            </div>
          ) : (
            <button
              type="button"
              data-testid="column-CLOSED-toggle"
              onClick={() => setClosedOpen(true)}
              className="flex w-44 shrink-0 items-center gap-1 rounded-lg bg-zinc-100/70 px-3 py-3 text-left text-[13px] font-semibold dark:bg-zinc-900/60"
              title={STATUS_POLICY_STEP.CLOSED}
              aria-expanded={false}
            >
              <ChevronRight className="size-4" aria-hidden="true" />
              Closed
              <span className="tabular ml-auto rounded-full bg-white px-2 text-[12px] font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
                {board?.columns.CLOSED.total ?? 0}
              </span>
            </button>
          )}
        </div>
        <DragOverlay dropAnimation={null}>
          {active ? (
            <div data-testid="drag-overlay">
              <ReportCard report={active} now={now} overlay />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <CloseDialog
        card={closing}
        onCancel={() => setClosing(null)}
        onConfirm={(choice) => {
          if (!closing) return;
          move.mutate({ key: closing.key, to: "CLOSED", version: closing.version, ...choice });
          setClosing(null);
        }}
      />
    </div>
  );
}
