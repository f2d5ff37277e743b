import { accountRoutes } from "./routes/account";
import { appRoutes } from "./routes/app";
import { mailRoutes } from "./routes/mail";
import { projectsRoutes } from "./routes/projects";
import { reportsRoutes } from "./routes/reports";
import { webhookRoutes } from "./routes/webhooks";

// Every /api route, declared once: the route file wraps its handler with
// `withRole(routes.x, handler)`, which enforces `access`, and the OpenAPI
// document (lib/openapi.ts) is built from the same entries. The boundary
// check (scripts/check-boundaries.ts) verifies each route file uses the entry
// of its own method and path. The entries live in routes/, one file per area.

export type { Access, Route } from "./route";

export const routes = {
  ...appRoutes,
  ...reportsRoutes,
  ...projectsRoutes,
  ...mailRoutes,
  ...accountRoutes,
  ...webhookRoutes,
};
