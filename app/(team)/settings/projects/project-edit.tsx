"use client";

import { TextField } from "@/components/ui/field";
import { GridFormFooter } from "@/components/ui/form-footer";
import { useFormAction } from "@/components/ui/use-form-action";

import { updateProjectAction } from "./actions";

type Project = {
  slug: string;
  name: string;
  packageName: string | null;
  ecosystem: string;
  repositoryUrl: string | null;
};

/** Rename a project or change its package, ecosystem or repository (the slug stays: links and mail use it). */
export function EditProjectForm({ project }: { project: Project }) {
  const { state, action, pending, field } = useFormAction(updateProjectAction);
  const bind = (name: keyof Project, initial: string | null) => {
    const f = field(name, `edit-${project.slug}-${name}`);
    return { ...f, defaultValue: f.defaultValue ?? initial ?? "" };
  };
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" aria-label={`Edit ${project.name}`}>
      <input type="hidden" name="slug" value={project.slug} />
      <TextField {...bind("name", project.name)} label="Name" required />
      <TextField
        {...bind("packageName", project.packageName)}
        label="Package (optional)"
        hint="Blank clears it."
        controlClassName="font-mono"
      />
      <TextField
        {...bind("ecosystem", project.ecosystem)}
        label="Ecosystem"
        hint="As OSV names it: npm, PyPI, crates.io, Go, Maven…"
        controlClassName="font-mono"
      />
      <TextField {...bind("repositoryUrl", project.repositoryUrl)} label="Repository URL (optional)" />
      <GridFormFooter state={state} pending={pending} pendingLabel="Saving…">
        Save project
      </GridFormFooter>
    </form>
  );
}
