import type { Metadata } from "next";

import { Card, PageHeader } from "@/components/ui/card";
import { CardList } from "@/components/ui/card-list";
import { requireUser } from "@/lib/server/auth/page-auth";
import { listProjectsView } from "@/lib/server/projects/projects";

import { CreateProjectForm, LinesEditor } from "./project-forms";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const actor = await requireUser("/settings/projects");
  const projects = await listProjectsView(actor);
  return (
    <>
      <PageHeader
        title="Projects and release lines"
        description="Each line has a semver range, its latest release and a status. Maintained lines gate the release; pre-release lines are shown but promise nothing; end-of-life lines are greyed."
      />
      <CardList
        empty={projects.length ? null : { title: "No projects yet", hint: "Create the first one below." }}
        addTitle="New project"
        add={<CreateProjectForm />}
      >
        {projects.map((p) => (
          <Card key={p.slug} className="p-4" data-testid="project-card">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">
                {p.name} <span className="font-mono text-[12px] font-normal text-zinc-500">{p.slug}</span>
              </h2>
              <span className="text-[12px] text-zinc-500">
                {p.packageName ? (
                  <>
                    npm <span className="font-mono">{p.packageName}</span> ·{" "}
                  </>
                ) : null}
                {p.openReports} open reports
              </span>
            </div>
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
    </>
  );
}
