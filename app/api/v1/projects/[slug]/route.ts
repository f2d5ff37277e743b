import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { updateProject } from "@/lib/server/projects/projects";

export const dynamic = "force-dynamic";

// PATCH /api/v1/projects/{slug} — rename, change package or ecosystem, archive (admin)
export const PATCH = withRole<{ slug: string }>(routes.updateProject, async ({ req, actor, params }) =>
  json(await updateProject(actor, params.slug, await readJson(req, 16 * 1024))),
);
