import { type Route, route } from "../route";

export const appRoutes = {
  health: route({
    method: "GET",
    path: "/api/health",
    access: "public",
    summary: "Liveness and database reachability",
    ok: { status: 200, schema: "Health" },
    errors: [503],
  }),
  openApi: route({
    method: "GET",
    path: "/api/v1/openapi.json",
    access: "public",
    internal: true,
    summary: "The API described from the route schemas",
  }),
  events: route({
    method: "GET",
    path: "/api/v1/events",
    access: "reports.read",
    internal: true,
    summary: "Server-sent events: a report changed, or resync",
  }),
} satisfies Record<string, Route>;
