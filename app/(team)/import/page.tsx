import type { Metadata } from "next";

import { OsvImportForm } from "@/components/import/osv-import-form";
import { PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/server/auth/actor";
import { requireUser } from "@/lib/server/auth/page-auth";
import { listProjects } from "@/lib/server/projects/projects";

export const metadata: Metadata = { title: "Import an advisory" };

export default async function ImportPage() {
  const actor = await requireUser("/import");
  if (!can(actor, "reports.write")) return <Forbidden what="importing advisories" />;
  const projects = await listProjects(actor);
  const packages = projects.map((p) => p.packageName ?? p.slug);
  return (
    <>
      <PageHeader
        title="Import an advisory"
        description="Paste or upload an OSV record (from GitHub, OSV.dev or another database). It becomes a report, or updates the one that already has its id or an alias, with its ranges computed against your release lines."
      />
      <OsvImportForm packages={packages} />
    </>
  );
}
