import { Card, EmptyState } from "./card";

/**
 * A settings list edited in place: one card a row (the page gives them), an
 * empty state when there are none, and a last card that adds one.
 */
export function CardList({
  empty,
  addTitle,
  add,
  children,
}: {
  empty: { title: string; hint: string } | null;
  addTitle: string;
  add: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-5">
      {empty ? <EmptyState title={empty.title}>{empty.hint}</EmptyState> : null}
      {children}
      <Card className="p-4">
        <h2 className="mb-2 font-semibold">{addTitle}</h2>
        {add}
      </Card>
    </div>
  );
}
