import { clsx } from "clsx";
import type { Metadata } from "next";

import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/server/page-auth";
import { listProjects } from "@/lib/server/projects";

export const metadata: Metadata = { title: "Matrix" };

const LINE_STATUS: Record<string, { label: string; className: string }> = {
  MAINTAINED: { label: "Maintained", className: "text-emerald-700 ring-emerald-200 dark:text-emerald-300 dark:ring-emerald-900" },
  PRERELEASE: { label: "Pre-release", className: "text-sky-700 ring-sky-200 dark:text-sky-300 dark:ring-sky-900" },
  EOL: { label: "End of life", className: "text-zinc-500 ring-zinc-200 dark:ring-zinc-700" },
};

export default async function MatrixPage() {
  const actor = await requireUser("/matrix");
  const projects = await listProjects(actor);
  return (
    <>
      <PageHeader title="Matrix" description="Release lines per project. Affected and fixed versions per report appear here once reports carry affected ranges." />
      {projects.length === 0 ? (
        <EmptyState title="No projects yet">An admin adds projects and their release lines under Settings.</EmptyState>
      ) : (
        <div className="space-y-4">
          {projects.map((p) => (
            <Card key={p.id} className="overflow-x-auto">
              <div className="flex items-baseline justify-between border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
                <h2 className="font-semibold">{p.name}</h2>
                <span className="tabular text-[12px] text-zinc-500">{p._count.reports} open reports</span>
              </div>
              <table className="w-full text-left text-[13px]">
                <thead className="text-[12px] text-zinc-500">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">Line</th>
                    <th scope="col" className="px-4 py-2 font-medium">Range</th>
                    <th scope="col" className="px-4 py-2 font-medium">Latest</th>
                    <th scope="col" className="px-4 py-2 font-medium">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {p.lines.map((line) => (
                    <tr key={line.id} className={clsx("border-t border-zinc-100 dark:border-zinc-800", line.status === "EOL" && "text-zinc-400")}>
                      <td className="px-4 py-2 font-medium">{line.name}</td>
                      <td className="tabular px-4 py-2 font-mono text-[12px]">{line.range}</td>
                      <td className="tabular px-4 py-2 font-mono text-[12px]">{line.latest ?? "—"}</td>
                      <td className="px-4 py-2">
                        <span className={clsx("rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset", LINE_STATUS[line.status]!.className)}>{LINE_STATUS[line.status]!.label}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
