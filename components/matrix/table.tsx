import { clsx } from "clsx";
import Link from "next/link";

import { SeverityBadge } from "@/components/ui/badges";
import { MatrixCell } from "@/components/ui/matrix-cell";
import type { CellState } from "@/lib/domain/matrix";
import { STATUS_LABELS } from "@/lib/domain/workflow";
import type { Severity, Status } from "@/lib/domain/workflow";
import type { MatrixDto } from "@/lib/schemas/projects";

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

type Matrix = MatrixDto & { name: string };

const headCell = "border-b border-zinc-200 bg-zinc-50 px-3 font-medium dark:border-zinc-800 dark:bg-zinc-950";

/**
 * Reports × release lines. With several projects (grouped), the columns are
 * grouped under each project's name and a report fills only its own project's
 * columns; one project shows its lines alone.
 */
export function MatrixTable({ matrices, grouped }: { matrices: Matrix[]; grouped: boolean }) {
  const shown = matrices.filter((m) => m.lines.length);
  const rows = shown.flatMap((m) => m.rows.map((r) => ({ ...r, project: m })));
  return (
    <div
      className="relative max-h-[calc(100dvh-16rem)] overflow-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="matrix"
    >
      <table className="w-full border-separate border-spacing-0 text-left text-[13px]">
        <thead>
          {grouped ? (
            <tr>
              <th
                scope="col"
                rowSpan={2}
                className={clsx(headCell, "sticky left-0 top-0 z-30 min-w-40 sm:min-w-72 border-r py-2 align-bottom")}
              >
                Report
              </th>
              {shown.map((m) => (
                <th
                  key={m.project}
                  scope="colgroup"
                  colSpan={m.lines.length}
                  className={clsx(
                    headCell,
                    "sticky top-0 z-10 h-9 border-l py-0 text-[12px] uppercase tracking-wide text-zinc-600 dark:text-zinc-400",
                  )}
                >
                  <Link href={`/matrix?project=${encodeURIComponent(m.project)}`} className="hover:underline">
                    {m.name}
                  </Link>
                </th>
              ))}
            </tr>
          ) : null}
          <tr>
            {grouped ? null : (
              <th scope="col" className={clsx(headCell, "sticky left-0 top-0 z-30 min-w-40 sm:min-w-72 border-r py-2")}>
                Report
              </th>
            )}
            {shown.map((m) =>
              m.lines.map((l, i) => (
                <th
                  key={`${m.project}/${l.name}`}
                  scope="col"
                  className={clsx(
                    headCell,
                    "sticky z-10 py-2",
                    grouped ? "top-9" : "top-0",
                    grouped && i === 0 && "border-l",
                    l.status === "EOL" && "text-zinc-400",
                  )}
                >
                  <span className="block whitespace-nowrap">{l.name}</span>
                  <span className="block whitespace-nowrap text-[11px] font-normal text-zinc-500">
                    <span className="tabular font-mono">{l.latest ?? "unreleased"}</span> · {STATUS_TEXT[l.status]}
                    {l.eolDate ? (
                      <span className="tabular">
                        {l.status === "EOL" ? ` since ${l.eolDate}` : ` until ${l.eolDate}`}
                      </span>
                    ) : null}
                  </span>
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid="matrix-row" data-key={r.key} data-project={r.project.project}>
              <th
                scope="row"
                className="sticky left-0 z-20 border-b border-r border-zinc-100 bg-white px-3 py-2 text-left font-normal dark:border-zinc-800 dark:bg-zinc-900"
              >
                <Link href={`/reports/${r.key}`} className="flex min-h-[24px] flex-wrap items-center gap-x-2">
                  <span className="whitespace-nowrap font-mono text-[12px] text-zinc-500">{r.key}</span>
                  <SeverityBadge severity={r.severity as Severity | null} />
                </Link>
                <span className="mt-0.5 line-clamp-1 block">{r.title}</span>
                <span className="block text-[11px] text-zinc-500">
                  {grouped ? `${r.project.name} · ` : null}
                  {STATUS_LABELS[r.status as Status]}
                </span>
              </th>
              {shown.map((m) =>
                m.lines.map((l, i) => {
                  const c = m.project === r.project.project ? r.cells[l.name] : undefined;
                  const edge = grouped && i === 0 && "border-l border-l-zinc-200 dark:border-l-zinc-800";
                  if (!c)
                    return (
                      <td
                        key={`${m.project}/${l.name}`}
                        className={clsx(
                          "border-b border-zinc-100 bg-zinc-50/60 dark:border-zinc-800 dark:bg-zinc-950/30",
                          edge,
                        )}
                      />
                    );
                  return (
                    <td
                      key={`${m.project}/${l.name}`}
                      className={clsx(
                        "border-b border-zinc-100 px-3 py-2 dark:border-zinc-800",
                        edge,
                        // end of life: greyed by a tint, not by fading, so the state stays readable
                        l.status === "EOL" && "bg-zinc-100/80 dark:bg-zinc-950/50",
                      )}
                      data-line={l.name}
                      data-state={c.state}
                    >
                      <MatrixCell state={c.state} version={c.version} overridden={c.overridden} />
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th
              scope="row"
              className="sticky bottom-0 left-0 z-30 border-r border-t border-zinc-200 bg-zinc-50 px-3 py-2 text-left text-[12px] font-medium dark:border-zinc-800 dark:bg-zinc-950"
            >
              Per line
            </th>
            {shown.map((m) =>
              m.lines.map((l, i) => (
                <td
                  key={`${m.project}/${l.name}`}
                  className={clsx(
                    "sticky bottom-0 z-10 border-t border-zinc-200 bg-zinc-50 px-3 py-2 text-[12px] text-zinc-600 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-400",
                    grouped && i === 0 && "border-l",
                  )}
                >
                  {summary(m.rows.map((r) => r.cells[l.name]!.state))}
                </td>
              )),
            )}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
