import type { Metadata } from "next";
import Link from "next/link";

import { env } from "@/lib/env";
import { listPublicProjects } from "@/lib/server/projects/projects";

import { ReportForm } from "./report-form";

export const metadata: Metadata = { title: "Report a vulnerability" };

export default async function ReportPage() {
  const projects = await listPublicProjects();
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Report a security vulnerability</h1>
      <p className="mt-2 max-w-2xl text-zinc-600 dark:text-zinc-400">
        Please put the whole report here — steps to reproduce, affected versions and impact — rather than only a link or
        an attachment. We acknowledge every report within 48 hours and send a detailed response within 48 hours after
        that (the{" "}
        <Link href="/security" className="text-accent-700 underline dark:text-accent-400">
          security policy
        </Link>{" "}
        says more). Bugs in third-party modules should go to their own maintainers.
      </p>
      <ReportForm projects={projects} maxFileBytes={env().ATTACHMENT_MAX_BYTES} />
    </>
  );
}
