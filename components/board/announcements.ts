import type { Announcements } from "@dnd-kit/core";

import type { Status } from "@/lib/domain/workflow";
import { STATUS_LABELS } from "@/lib/domain/workflow";

export const SCREEN_READER_INSTRUCTIONS = {
  draggable:
    "To move this report, press space, then use the arrow keys to choose a column and press space again. Press escape to cancel.",
};

/** What a screen reader hears while a card is moved; `refusalFor` says why a column would refuse it. */
// The column the last announcement named. The live region keeps only the latest words, and dnd-kit
// reports the card over its own column right after picking it up: saying so would drown "Picked up".
let lastOver: unknown = null;

export function boardAnnouncements(refusalFor: (status: Status) => string | null): Announcements {
  return {
    onDragStart: ({ active: a }) => {
      lastOver = (a.data.current as { status?: Status } | undefined)?.status ?? null;
      return `Picked up ${a.id}. Use the arrow keys to move between columns, space to drop, escape to cancel.`;
    },
    onDragOver: ({ active: a, over }) => {
      if ((over?.id ?? null) === lastOver) return undefined;
      lastOver = over?.id ?? null;
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
}
