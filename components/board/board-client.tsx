"use client";

import type {
  Announcements,
  CollisionDetection,
  DragEndEvent,
  DragStartEvent,
  KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { clsx } from "clsx";
import { ChevronRight } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";

import { ApiError, api } from "@/lib/api-client";
import type { BoardFilters } from "@/lib/board-filters";
import { boardFilters, boardQueryKey, boardSearch } from "@/lib/board-filters";
import type { TransitionFacts } from "@/lib/domain/transitions";
import { dropTargets } from "@/lib/domain/transitions";
import type { Resolution, Status } from "@/lib/domain/workflow";
import { EMPTY_COLUMN_TEXT, STATUSES, STATUS_LABELS, STATUS_POLICY_STEP } from "@/lib/domain/workflow";
import type { BoardDto, ReportSummaryDto } from "@/lib/schemas/reports";

import { BoardFiltersBar } from "./board-filters-bar";
import { CloseDialog } from "./close-dialog";
import { ReportCard } from "./report-card";

type Move = {
  key: string;
  to: Status;
  resolution?: Resolution;
  duplicateOf?: string;
  thirdParty?: { name: string; contact?: string };
};

function factsOf(card: ReportSummaryDto): TransitionFacts {
  return {
    hasHandler: !!card.assignee,
    severity: card.severity,
    acknowledged: !!card.acknowledgedAt,
    resolution: null,
    duplicateOf: null,
    thirdPartyName: null,
    linesNotReady: [],
    linesNotReleased: [],
  };
}

function findCard(board: BoardDto | undefined, key: string): ReportSummaryDto | undefined {
  if (!board) return undefined;
  for (const status of STATUSES) {
    const hit = board.columns[status].items.find((c) => c.key === key);
    if (hit) return hit;
  }
  return undefined;
}

/** The board with `card` placed by its status (or removed when null). */
function placeCard(board: BoardDto, key: string, card: ReportSummaryDto | null): BoardDto {
  const columns = { ...board.columns };
  for (const status of STATUSES) {
    const col = columns[status];
    if (col.items.some((c) => c.key === key))
      columns[status] = { items: col.items.filter((c) => c.key !== key), total: col.total - 1 };
  }
  if (card) {
    const col = columns[card.status];
    columns[card.status] = { items: [card, ...col.items], total: col.total + 1 };
  }
  return { ...board, columns };
}

// Arrow keys move a picked-up card from column to column.
const columnCoordinates: KeyboardCoordinateGetter = (event, { context: { droppableRects, collisionRect } }) => {
  if (!collisionRect || !["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp"].includes(event.code)) return undefined;
  event.preventDefault();
  const columns = [...droppableRects.values()].sort((a, b) => a.left - b.left);
  const center = collisionRect.left + collisionRect.width / 2;
  let index = columns.findIndex((r) => center >= r.left && center <= r.left + r.width);
  if (index < 0) index = columns.findIndex((r) => r.left > center) - 1;
  const step = event.code === "ArrowRight" || event.code === "ArrowDown" ? 1 : -1;
  const target = columns[Math.max(0, Math.min(columns.length - 1, index + step))];
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: target.top + 44 };
};

const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

function DraggableCard({ card, now, canDrag }: { card: ReportSummaryDto; now: Date; canDrag: boolean }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: card.key,
    disabled: !canDrag,
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

function Column({
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
        dragging && refusal && "opacity-45",
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
  const queryClient = useQueryClient();
  const {
    data: board,
    isFetching,
    error,
  } = useQuery({ queryKey: key, queryFn: () => api<BoardDto>(`/api/v1/board${boardSearch(filters)}`) });
  const [now, setNow] = useState(() => new Date(serverNow));
  const [active, setActive] = useState<ReportSummaryDto | null>(null);
  const [closing, setClosing] = useState<ReportSummaryDto | null>(null);
  const [notice, setNotice] = useState<{ text: string; tone: "error" | "info" } | null>(null);
  const [closedOpen, setClosedOpen] = useState(false);

  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    // marks the board interactive: tests wait for it before dragging
    root.current?.setAttribute("data-hydrated", "true");
    return () => clearInterval(timer);
  }, []);

  // live updates: patch the changed card into the cache, or refetch a filtered board
  useEffect(() => {
    const source = new EventSource("/api/v1/events");
    // after a dropped stream (the browser reconnects by itself) or a server that lost its own feed,
    // changes may have been missed: read the board again
    let opened = false;
    const resync = () => void queryClient.invalidateQueries({ queryKey: key });
    source.addEventListener("open", () => {
      if (opened) resync();
      opened = true;
    });
    // every open board hears a server's resync at once: spread the reads over two seconds
    source.addEventListener("resync", () => setTimeout(resync, Math.random() * 2000));
    source.addEventListener("report", (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as { key: string };
      if (Object.keys(filters).length) {
        void queryClient.invalidateQueries({ queryKey: key });
        return;
      }
      void api<ReportSummaryDto>(`/api/v1/reports/${change.key}/card`)
        .then((card) => {
          queryClient.setQueryData<BoardDto>(key, (old) => {
            if (!old) return old;
            const current = findCard(old, card.key);
            if (current && current.version > card.version) return old;
            return placeCard(old, card.key, card);
          });
        })
        .catch(() => {});
    });
    return () => source.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(filters)]);

  const move = useMutation({
    mutationFn: (m: Move & { version: number }) =>
      api<ReportSummaryDto>(`/api/v1/reports/${m.key}`, {
        method: "PATCH",
        json: {
          version: m.version,
          status: m.to,
          resolution: m.resolution,
          duplicateOf: m.duplicateOf,
          thirdParty: m.thirdParty,
        },
      }),
    onMutate: async (m) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<BoardDto>(key);
      const card = findCard(previous, m.key);
      if (previous && card)
        queryClient.setQueryData<BoardDto>(key, placeCard(previous, m.key, { ...card, status: m.to }));
      return { previous };
    },
    onError: async (error, m, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      setNotice({ text: error instanceof ApiError ? error.message : "The move failed. Try again.", tone: "error" });
      if (error instanceof ApiError && error.status === 409) {
        const fresh = await api<ReportSummaryDto>(`/api/v1/reports/${m.key}/card`).catch(() => null);
        if (fresh) queryClient.setQueryData<BoardDto>(key, (old) => (old ? placeCard(old, fresh.key, fresh) : old));
      }
    },
    onSuccess: (card) => {
      queryClient.setQueryData<BoardDto>(key, (old) => (old ? placeCard(old, card.key, card) : old));
      setNotice({ text: `${card.key} moved to ${STATUS_LABELS[card.status]}.`, tone: "info" });
    },
  });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnCoordinates,
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space"] },
    }),
  );

  const targets = active ? dropTargets(active.status, factsOf(active)) : null;
  const refusalFor = (status: Status): string | null => {
    if (!targets || !active || status === active.status) return null;
    const t = targets[status];
    return t.ok ? null : t.reason;
  };

  const announcements: Announcements = {
    onDragStart: ({ active: a }) =>
      `Picked up ${a.id}. Use the arrow keys to move between columns, space to drop, escape to cancel.`,
    onDragOver: ({ active: a, over }) => {
      if (!over) return `${a.id} is not over a column.`;
      const refusal = refusalFor(over.id as Status);
      return refusal
        ? `${STATUS_LABELS[over.id as Status]}: not allowed. ${refusal}`
        : `${a.id} is over ${STATUS_LABELS[over.id as Status]}.`;
    },
    onDragEnd: ({ active: a, over }) =>
      over ? `${a.id} dropped on ${STATUS_LABELS[over.id as Status]}.` : `${a.id} was dropped back.`,
    onDragCancel: ({ active: a }) => `Moving ${a.id} was cancelled. It stays where it was.`,
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
    const target = dropTargets(card.status, factsOf(card))[to];
    if (!target.ok) {
      setNotice({ text: `${card.key} cannot move to ${STATUS_LABELS[to]}: ${target.reason}`, tone: "error" });
      return;
    }
    if (to === "CLOSED") {
      setClosing(card);
      return;
    }
    move.mutate({ key: card.key, to, version: card.version });
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
          announcements,
          screenReaderInstructions: {
            draggable:
              "To move this report, press space, then use the arrow keys to choose a column and press space again. Press escape to cancel.",
          },
        }}
      >
        <div className="-mx-4 flex items-start gap-3 overflow-x-auto px-4 pb-4">
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
