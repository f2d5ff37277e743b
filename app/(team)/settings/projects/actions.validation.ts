import { z } from "zod";

import { optionalBoolean, text } from "@/lib/schemas/form-fields";

// FormData → updateProject's input. A blank package or repository clears it
// (the use case reads "" as none), so these fields stay strings.

export const editProjectForm = z.object({
  slug: text,
  name: text,
  packageName: text,
  ecosystem: text,
  repositoryUrl: text,
});

export const archiveProjectForm = z.object({ slug: text, archived: optionalBoolean });
