import type { CollisionDetection, KeyboardCoordinateGetter } from "@dnd-kit/core";
import { KeyboardSensor, PointerSensor, pointerWithin, rectIntersection, useSensor, useSensors } from "@dnd-kit/core";

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

/** The column under the pointer, else the one the dragged card overlaps most. */
export const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

/** Drag with the pointer (after 6 px) or pick up with space and move with the arrow keys. */
export function useBoardSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnCoordinates,
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space"] },
    }),
  );
}
