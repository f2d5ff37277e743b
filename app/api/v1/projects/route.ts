import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { createProject, listProjectsView } from "@/lib/server/projects/projects";

export const dynamic = "force-dynamic";

// GET /api/v1/projects — projects with their release lines
export const GET = withRole(routes.listProjects, async ({ actor }) =>
  json({ items: await listProjectsView(actor), nextCursor: null }),
);

// POST /api/v1/projects — create a project (admin)
export const POST = withRole(routes.createProject, async ({ req, actor }) =>
  json(await createProject(actor, await readJson(req, 16 * 1024)), { status: 201 }),
);
