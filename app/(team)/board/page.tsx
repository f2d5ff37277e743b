import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";

import { BoardClient } from "@/components/board/board-client";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { boardFilters, boardQueryKey } from "@/lib/board-filters";
import { DomainError } from "@/lib/errors";
import { makeQueryClient } from "@/lib/query-client";
import type { BoardQuery } from "@/lib/schemas/reports";
import { can } from "@/lib/server/auth/actor";
import { requireUser } from "@/lib/server/auth/page-auth";
import { listProjectFilterChoices } from "@/lib/server/projects/projects";
import { listBoard } from "@/lib/server/reports/board";
import { listAssignableUsers } from "@/lib/server/users/users";

export const metadata: Metadata = { title: "Board" };

/** A hand-edited URL with a filter value we do not know: the client shows the error in its own fetch. */
function badFilters(error: unknown): null {
  if (error instanceof DomainError) return null;
  throw error;
}

export default async function BoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUser("/board");
  const filters = boardFilters(await searchParams);
  const queryClient = makeQueryClient();
  const [board, projects, handlers] = await Promise.all([
    listBoard(actor, filters as BoardQuery).catch(badFilters),
    listProjectFilterChoices(),
    listAssignableUsers(actor),
  ]);
  if (board) queryClient.setQueryData(boardQueryKey(filters), board);
  const empty =
    !!board && Object.values(board.columns).every((c) => c.total === 0) && Object.keys(filters).length === 0;
  return (
    <>
      <PageHeader
        title="Board"
        actions={
          <>
            {can(actor, "reports.write") ? (
              <Link href="/import" className={buttonClass("secondary", "sm")}>
                Import advisory
              </Link>
            ) : null}
            <Link href="/report" className={buttonClass("secondary", "sm")}>
              Public report form
            </Link>
          </>
        }
      />
      {empty ? (
        <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
          <p className="font-medium">No reports yet</p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">
            Share{" "}
            <Link className="text-accent-600 underline dark:text-accent-400" href="/report">
              the report form
            </Link>{" "}
            or send reports to the inbound address. Run <code className="font-mono">npm run embargo -- seed demo</code>{" "}
            to explore with demo data.
          </p>
        </div>
      ) : (
        <HydrationBoundary state={dehydrate(queryClient)}>
          <BoardClient
            serverNow={new Date().toISOString()}
            canWrite={can(actor, "reports.write")}
            projects={projects}
            handlers={handlers.map((h) => ({ email: h.email, name: h.name }))}
          />
        </HydrationBoundary>
      )}
    </>
  );
}
