import type { Metadata } from "next";

import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { CardList } from "@/components/ui/card-list";
import { requireUser } from "@/lib/server/auth/page-auth";
import { listProjectsView } from "@/lib/server/projects/projects";

import { archiveProjectAction } from "./actions";
import { EditProjectForm } from "./project-edit";
import { CreateProjectForm, LinesEditor } from "./project-forms";

export const metadata: Metadata = { title: "Projects" };

type Project = Awaited<ReturnType<typeof listProjectsView>>[number];

function ProjectHeading({ p }: { p: Project }) {
  return (
    <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
      <h2 className="font-semibold">
        {p.name} <span className="font-mono text-[12px] font-normal text-zinc-500">{p.slug}</span>
        {p.archivedAt ? (
          <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
            archived {p.archivedAt.slice(0, 10)}
          </span>
        ) : null}
      </h2>
      <span className="flex items-center gap-2 text-[12px] text-zinc-500">
        <span>
          {p.packageName ? (
            <>
              {p.ecosystem} <span className="font-mono">{p.packageName}</span> ·{" "}
            </>
          ) : null}
          {p.openReports} open reports
        </span>
        <ActionForm
          action={archiveProjectAction}
          fields={{ slug: p.slug, archived: p.archivedAt ? "false" : "true" }}
          variant="secondary"
        >
          {p.archivedAt ? "Bring back" : "Archive"}
        </ActionForm>
      </span>
    </div>
  );
}

export default async function ProjectsPage() {
  const actor = await requireUser("/settings/projects");
  const projects = await listProjectsView(actor);
  const active = projects.filter((p) => !p.archivedAt);
  const archived = projects.filter((p) => p.archivedAt);
  return (
    <>
      <PageHeader
        title="Projects and release lines"
        description="Each line has a semver range, its latest release and a status. Maintained lines gate the release; pre-release lines are shown but promise nothing; end-of-life lines are greyed."
      />
      <CardList
        empty={active.length ? null : { title: "No projects yet", hint: "Create the first one below." }}
        addTitle="New project"
        add={<CreateProjectForm />}
      >
        {active.map((p) => (
          <Card key={p.slug} className="p-4" data-testid="project-card">
            <ProjectHeading p={p} />
            <details className="mb-3 rounded-md border border-zinc-200 dark:border-zinc-800">
              <summary className="cursor-pointer px-3 py-2 text-[13px] font-medium">Edit project</summary>
              <div className="border-t border-zinc-200 p-3 dark:border-zinc-800">
                <EditProjectForm project={p} />
              </div>
            </details>
            <LinesEditor
              slug={p.slug}
              hasPackage={!!p.packageName}
              lines={p.lines.map((l) => ({
                name: l.name,
                range: l.range,
                latest: l.latest ?? "",
                status: l.status as "MAINTAINED",
                eolDate: l.eolDate ?? "",
              }))}
            />
          </Card>
        ))}
      </CardList>
      {archived.length ? (
        <section aria-labelledby="archived-projects" className="mt-8">
          <h2 id="archived-projects" className="mb-1 text-[15px] font-semibold">
            Archived projects
          </h2>
          <p className="mb-3 text-[13px] text-zinc-600 dark:text-zinc-400">
            Out of the board&apos;s and the matrix&apos;s default views, the public form and the project guess. Their
            reports stay, and the board shows them when you filter by the project.
          </p>
          <div className="space-y-3">
            {archived.map((p) => (
              <Card key={p.slug} className="p-4" data-testid="archived-project-card">
                <ProjectHeading p={p} />
              </Card>
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
