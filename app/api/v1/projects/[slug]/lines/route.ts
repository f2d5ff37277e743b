import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { replaceLines } from "@/lib/server/projects/projects";

export const dynamic = "force-dynamic";

// PUT /api/v1/projects/{slug}/lines — replace the project's release lines (admin)
export const PUT = withRole<{ slug: string }>(routes.replaceLines, async ({ req, actor, params }) =>
  json(await replaceLines(actor, params.slug, await readJson(req, 64 * 1024))),
);
