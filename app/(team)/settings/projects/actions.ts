"use server";

import { revalidatePath } from "next/cache";

import { runAction, runRowAction } from "@/lib/server/http/action";
import { updateProject } from "@/lib/server/projects/projects";

import type { FormState } from "../actions";
import { archiveProjectForm, editProjectForm } from "./actions.validation";

// Settings → Projects: edit a project, archive it or bring it back. The use
// case checks the permission (admins).

function refresh() {
  for (const path of ["/settings/projects", "/matrix", "/board"]) revalidatePath(path);
}

export async function updateProjectAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction(form, editProjectForm, async ({ slug, ...input }, actor) => {
    const row = await updateProject(actor, slug, input);
    refresh();
    return { message: `Saved ${row.name}.` };
  });
}

export async function archiveProjectAction(form: FormData): Promise<void> {
  await runRowAction(
    form,
    archiveProjectForm,
    async ({ slug, archived }, actor) => {
      await updateProject(actor, slug, { archived: archived ?? true });
      refresh();
    },
    "/settings/projects",
  );
}
