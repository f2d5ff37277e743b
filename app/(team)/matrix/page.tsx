import { clsx } from "clsx";
import type { Metadata } from "next";
import Link from "next/link";

import { MatrixCell } from "@/components/matrix/cell";
import { SeverityBadge } from "@/components/reports/badges";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import type { CellState } from "@/lib/domain/matrix";
import { STATUS_LABELS } from "@/lib/domain/workflow";
import type { Severity } from "@/lib/domain/workflow";
import type { Status } from "@/lib/domain/workflow";
import { getMatrix } from "@/lib/server/matrix";
import { requireUser } from "@/lib/server/page-auth";
import { listProjects } from "@/lib/server/projects";

export const metadata: Metadata = { title: "Matrix" };

const STATUS_TEXT = { MAINTAINED: "maintained", PRERELEASE: "pre-release", EOL: "end of life" } as const;

function summary(states: CellState[]): string {
  const count = (s: CellState) => states.filter((x) => x === s).length;
  const parts = [
    count("affected") && `${count("affected")} affected`,
    count("fix_pending") && `${count("fix_pending")} pending`,
    count("fixed") && `${count("fixed")} fixed`,
    count("unknown") && `${count("unknown")} unknown`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "nothing open";
}

export default async function MatrixPage({ searchParams }: { searchParams: Promise<{ project?: string }> }) {
  const actor = await requireUser("/matrix");
  const projects = await listProjects(actor);
  const { project } = await searchParams;
  const chosen = projects.find((p) => p.slug === project) ?? projects[0];
  const matrix = chosen ? await getMatrix(actor, chosen.slug) : null;

  return (
    <>
      <PageHeader
        title="Matrix"
        description="Open reports against every release line: what is affected, fixed, or waiting for a release. Maintained lines first; end-of-life lines greyed."
        actions={
          chosen ? (
            <a href={`/api/v1/matrix.csv?project=${encodeURIComponent(chosen.slug)}`} className={buttonClass("secondary", "sm")} download>
              Export CSV
            </a>
          ) : null
        }
      />
      {!chosen || !matrix ? (
        <EmptyState title="No projects yet">An admin adds projects and their release lines under Settings → Projects.</EmptyState>
      ) : (
        <>
          <nav aria-label="Projects" className="mb-3 flex flex-wrap gap-1">
            {projects.map((p) => (
              <Link key={p.slug} href={`/matrix?project=${p.slug}`} aria-current={p.slug === chosen.slug ? "page" : undefined} className={clsx("rounded-md px-2.5 py-1 text-[13px] font-medium", p.slug === chosen.slug ? "bg-zinc-200 dark:bg-zinc-800" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800")}>
                {p.name} <span className="tabular text-zinc-500">{p._count.reports}</span>
              </Link>
            ))}
          </nav>
          {matrix.lines.length === 0 ? (
            <EmptyState title={`${chosen.name} has no release lines`}>An admin adds them under Settings → Projects.</EmptyState>
          ) : matrix.rows.length === 0 ? (
            <EmptyState title="No open reports">Nothing open against {chosen.name}.</EmptyState>
          ) : (
            <div className="max-h-[calc(100dvh-14rem)] overflow-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" data-testid="matrix">
              <table className="w-full border-separate border-spacing-0 text-left text-[13px]">
                <thead>
                  <tr>
                    <th scope="col" className="sticky left-0 top-0 z-20 min-w-72 border-b border-r border-zinc-200 bg-zinc-50 px-3 py-2 font-medium dark:border-zinc-800 dark:bg-zinc-950">
                      Report
                    </th>
                    {matrix.lines.map((l) => (
                      <th key={l.name} scope="col" className={clsx("sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 px-3 py-2 font-medium dark:border-zinc-800 dark:bg-zinc-950", l.status === "EOL" && "text-zinc-400")}>
                        <span className="block">{l.name}</span>
                        <span className="block text-[11px] font-normal text-zinc-500">
                          <span className="tabular font-mono">{l.latest ?? "unreleased"}</span> · {STATUS_TEXT[l.status]}
                        </span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrix.rows.map((r) => (
                    <tr key={r.key} data-testid="matrix-row" data-key={r.key}>
                      <th scope="row" className="sticky left-0 z-10 border-b border-r border-zinc-100 bg-white px-3 py-2 text-left font-normal dark:border-zinc-800 dark:bg-zinc-900">
                        <Link href={`/reports/${r.key}`} className="flex items-center gap-2">
                          <span className="font-mono text-[12px] text-zinc-500">{r.key}</span>
                          <SeverityBadge severity={r.severity as Severity | null} />
                        </Link>
                        <span className="mt-0.5 line-clamp-1 block">{r.title}</span>
                        <span className="block text-[11px] text-zinc-500">{STATUS_LABELS[r.status as Status]}</span>
                      </th>
                      {matrix.lines.map((l) => {
                        const c = r.cells[l.name]!;
                        return (
                          <td key={l.name} className={clsx("border-b border-zinc-100 px-3 py-2 dark:border-zinc-800", l.status === "EOL" && "bg-zinc-50/70 opacity-70 dark:bg-zinc-950/40")} data-line={l.name} data-state={c.state}>
                            <MatrixCell state={c.state} version={c.version} overridden={c.overridden} />
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" className="sticky bottom-0 left-0 z-20 border-r border-t border-zinc-200 bg-zinc-50 px-3 py-2 text-left text-[12px] font-medium dark:border-zinc-800 dark:bg-zinc-950">
                      Per line
                    </th>
                    {matrix.lines.map((l) => (
                      <td key={l.name} className="sticky bottom-0 border-t border-zinc-200 bg-zinc-50 px-3 py-2 text-[12px] text-zinc-600 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-400">
                        {summary(matrix.rows.map((r) => r.cells[l.name]!.state))}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
