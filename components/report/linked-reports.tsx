import Link from "next/link";

import { StatusBadge } from "@/components/ui/badges";
import type { Status } from "@/lib/domain/workflow";
import type { ReportDto } from "@/lib/schemas/reports";

// Under the timeline, quiet: the duplicate links both ways, then the
// reports full-text search finds closest ("Possibly related").

type Linked = { key: string; title: string; status?: Status };

function LinkedList({ items, label }: { items: Linked[]; label: string }) {
  return (
    <ul className="space-y-0.5" aria-label={label}>
      {items.map((r) => (
        <li key={r.key} className="flex items-center gap-2 text-[13px]">
          <Link
            href={`/reports/${r.key}`}
            className="inline-flex min-h-[24px] items-center font-mono text-[12px] text-accent-600 hover:underline dark:text-accent-400"
          >
            {r.key}
          </Link>
          <span className="min-w-0 truncate">{r.title}</span>
          {r.status ? (
            <span className="ml-auto shrink-0">
              <StatusBadge status={r.status} />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

const heading = "mb-1.5 text-[12px] font-semibold uppercase tracking-wide text-zinc-500";

export function LinkedReports({ report }: { report: Pick<ReportDto, "duplicateOf" | "duplicates" | "related"> }) {
  const { duplicateOf, duplicates, related } = report;
  if (!duplicateOf && !duplicates.length && !related.length) return null;
  return (
    <div className="space-y-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      {duplicateOf ? (
        <section aria-labelledby="duplicate-of-heading">
          <h2 id="duplicate-of-heading" className={heading}>
            Duplicate of
          </h2>
          <LinkedList items={[duplicateOf]} label="Duplicate of" />
        </section>
      ) : null}
      {duplicates.length ? (
        <section aria-labelledby="duplicates-heading">
          <h2 id="duplicates-heading" className={heading}>
            Duplicates of this report
          </h2>
          <LinkedList items={duplicates} label="Duplicates of this report" />
        </section>
      ) : null}
      {related.length ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading" className={heading}>
            Possibly related
          </h2>
          <LinkedList items={related} label="Possibly related" />
        </section>
      ) : null}
    </div>
  );
}
