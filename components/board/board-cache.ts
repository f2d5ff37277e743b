import { STATUSES } from "@/lib/domain/workflow";
import type { BoardDto, ReportSummaryDto } from "@/lib/schemas/reports";

// Pure helpers over the board held in the react-query cache.

export function findCard(board: BoardDto | undefined, key: string): ReportSummaryDto | undefined {
  if (!board) return undefined;
  for (const status of STATUSES) {
    const hit = board.columns[status].items.find((c) => c.key === key);
    if (hit) return hit;
  }
  return undefined;
}

/** The board with `card` placed by its status (or removed when null). */
export function placeCard(board: BoardDto, key: string, card: ReportSummaryDto | null): BoardDto {
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
