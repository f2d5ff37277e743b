import { clsx } from "clsx";
import type { Metadata } from "next";
import Link from "next/link";

import type { MatrixPageFilters } from "@/components/matrix/filters";
import { MatrixFilters } from "@/components/matrix/filters";
import { MatrixTable } from "@/components/matrix/table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { matrixQuery } from "@/lib/schemas/projects";
import { requireUser } from "@/lib/server/auth/page-auth";
import { MATRIX_REPORT_LIMIT, countUnsortedOpen, getAllMatrices, getMatrix } from "@/lib/server/matrix/matrix";
import { listProjects } from "@/lib/server/projects/projects";

export const metadata: Metadata = { title: "Matrix" };

const tabClass = (current: boolean) =>
  clsx(
    "rounded-md px-2.5 py-1 text-[13px] font-medium",
    current
      ? "bg-zinc-200 dark:bg-zinc-800"
      : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800",
  );

export default async function MatrixPage({ searchParams }: { searchParams: Promise<MatrixPageFilters> }) {
  const actor = await requireUser("/matrix");
  const [projects, unsorted] = await Promise.all([listProjects(actor), countUnsortedOpen(actor)]);
  const raw = await searchParams;
  // a filter the page does not know (a hand-edited URL) is dropped rather than failing the page
  const parsed = matrixQuery.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string" && v)),
  );
  const query = parsed.success ? parsed.data : {};
  const { project: slug, ...filters } = query;
  const chosen = slug ? projects.find((p) => p.slug === slug) : undefined;
  const matrices = chosen ? [await getMatrix(actor, chosen.slug, filters)] : await getAllMatrices(actor, filters);
  const withLines = matrices.filter((m) => m.lines.length);
  const rowCount = withLines.reduce((n, m) => n + m.rows.length, 0);
  const shownFilters: MatrixPageFilters = {
    project: chosen?.slug,
    status: filters.status?.join(","),
    severity: filters.severity?.join(","),
    state: filters.state?.join(","),
  };
  const queryFor = (f: MatrixPageFilters) => {
    const q = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => Boolean(e[1])));
    return q.size ? `?${q}` : "";
  };
  const filtered = Boolean(shownFilters.status || shownFilters.severity || shownFilters.state);

  return (
    <>
      <PageHeader
        title="Matrix"
        description="Reports against every release line: what is affected, fixed, or waiting for a release. Maintained lines first; end-of-life lines greyed."
        actions={
          withLines.length ? (
            <a href={`/api/v1/matrix.csv${queryFor(shownFilters)}`} className={buttonClass("secondary", "sm")} download>
              Export CSV
            </a>
          ) : null
        }
      />
      {projects.length === 0 ? (
        <EmptyState title="No projects yet">
          An admin adds projects and their release lines under Settings → Projects.
        </EmptyState>
      ) : (
        <>
          <nav aria-label="Projects" className="mb-3 flex flex-wrap gap-1">
            <Link
              href={`/matrix${queryFor({ ...shownFilters, project: undefined })}`}
              aria-current={chosen ? undefined : "page"}
              className={tabClass(!chosen)}
            >
              All projects
            </Link>
            {projects
              .filter((p) => !p.archivedAt || p.slug === chosen?.slug)
              .map((p) => (
                <Link
                  key={p.slug}
                  href={`/matrix${queryFor({ ...shownFilters, project: p.slug })}`}
                  aria-current={p.slug === chosen?.slug ? "page" : undefined}
                  className={tabClass(p.slug === chosen?.slug)}
                >
                  {p.name} <span className="tabular text-zinc-500">{p._count.reports}</span>
                </Link>
              ))}
          </nav>
          <MatrixFilters filters={shownFilters} />
          {unsorted ? (
            <p className="mb-3 text-[13px] text-zinc-600 dark:text-zinc-400">
              <Link href="/board?project=none" className="font-medium text-accent-600 underline dark:text-accent-400">
                {unsorted} open {unsorted === 1 ? "report has" : "reports have"} no project
              </Link>{" "}
              and {unsorted === 1 ? "is" : "are"} not in this matrix.
            </p>
          ) : null}
          {withLines.length === 0 ? (
            <EmptyState title={chosen ? `${chosen.name} has no release lines` : "No release lines yet"}>
              An admin adds them under Settings → Projects.
            </EmptyState>
          ) : rowCount === 0 ? (
            <EmptyState title={filtered ? "No reports match these filters" : "No open reports"}>
              {filtered
                ? "Change or clear the filters above."
                : `Nothing open against ${chosen ? chosen.name : "any project"}.`}
            </EmptyState>
          ) : (
            <>
              <p className="mb-2 text-[12px] text-zinc-500" aria-live="polite">
                {rowCount} {rowCount === 1 ? "report" : "reports"}
                {chosen ? "" : ` across ${withLines.length} ${withLines.length === 1 ? "project" : "projects"}`}
                {matrices.some((m) => m.truncated) ? (
                  <span className="font-medium text-amber-700 dark:text-amber-300">
                    {" "}
                    · only the oldest {MATRIX_REPORT_LIMIT.toLocaleString("en")} matching reports are shown: narrow the
                    filters
                  </span>
                ) : null}
              </p>
              <MatrixTable matrices={withLines} grouped={!chosen} />
            </>
          )}
        </>
      )}
    </>
  );
}
