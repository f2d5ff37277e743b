import { z } from "zod";

import { linesInput, matrixQuery, projectInput, projectPatchInput } from "../projects";
import { type Route, route } from "../route";

export const projectsRoutes = {
  getMatrix: route({
    method: "GET",
    path: "/api/v1/matrix",
    access: "reports.read",
    summary: "Release lines × open reports of a project (status, severity and state filters: comma-separated lists)",
    query: matrixQuery.extend({
      project: z.string(),
      status: z.string().optional(),
      severity: z.string().optional(),
      state: z.string().optional(),
    }),
    ok: { status: 200, schema: "Matrix" },
    errors: [400, 401, 403, 404],
  }),
  listProjects: route({
    method: "GET",
    path: "/api/v1/projects",
    access: "projects.read",
    summary: "Projects with their release lines",
    ok: { status: 200, schema: "Project" },
    errors: [401, 403],
  }),
  createProject: route({
    method: "POST",
    path: "/api/v1/projects",
    access: "projects.write",
    summary: "Create a project",
    body: projectInput,
    ok: { status: 201, schema: "Project" },
    errors: [400, 401, 403, 409],
  }),
  updateProject: route({
    method: "PATCH",
    path: "/api/v1/projects/{slug}",
    access: "projects.write",
    summary: "Rename a project, change its package or ecosystem, archive it or bring it back",
    body: projectPatchInput,
    ok: { status: 200, schema: "Project" },
    errors: [400, 401, 403, 404, 409],
  }),
  replaceLines: route({
    method: "PUT",
    path: "/api/v1/projects/{slug}/lines",
    access: "projects.write",
    summary: "Replace a project's release lines",
    body: linesInput,
    ok: { status: 200, schema: "Project" },
    errors: [400, 401, 403, 404],
  }),
  suggestLines: route({
    method: "GET",
    path: "/api/v1/projects/{slug}/suggested-lines",
    access: "projects.write",
    summary: "Release lines suggested from the npm registry (not saved)",
    ok: { status: 200, schema: "Project" },
    errors: [401, 403, 404, 422, 503],
  }),
  matrixCsv: route({
    method: "GET",
    path: "/api/v1/matrix.csv",
    access: "reports.read",
    internal: true,
    summary: "The matrix as CSV",
  }),
} satisfies Record<string, Route>;
