import type { Metadata } from "next";
import Link from "next/link";

import { Board } from "@/components/board/board";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { mostUrgentView } from "@/lib/clock-view";
import { isOpen } from "@/lib/domain/workflow";
import { requireUser } from "@/lib/server/page-auth";
import { listBoard } from "@/lib/server/reports";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage() {
  const actor = await requireUser("/board");
  const reports = await listBoard(actor);
  const now = new Date();
  const open = reports.filter((r) => isOpen(r.status));
  const breached = open.filter((r) => mostUrgentView(r.sla)?.state === "breached").length;
  const atRisk = open.filter((r) => mostUrgentView(r.sla)?.state === "at_risk").length;
  return (
    <>
      <PageHeader
        title="Board"
        description={
          <span className="tabular">
            {open.length} open · <span className="text-red-700 dark:text-red-400">{breached} breached</span> ·{" "}
            <span className="text-amber-700 dark:text-amber-300">{atRisk} at risk</span>
          </span>
        }
        actions={
          <Link href="/report" className={buttonClass("secondary", "sm")}>
            Public report form
          </Link>
        }
      />
      {reports.length === 0 ? (
        <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
          <p className="font-medium">No reports yet</p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">
            Share <Link className="text-accent-600 underline" href="/report">the report form</Link> or send reports to the inbound address. Run{" "}
            <code className="font-mono">npm run embargo -- seed demo</code> to explore with demo data.
          </p>
        </div>
      ) : (
        <Board reports={reports} now={now} />
      )}
    </>
  );
}
