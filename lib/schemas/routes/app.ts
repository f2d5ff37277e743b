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
  securityTxt: route({
    method: "GET",
    path: "/.well-known/security.txt",
    access: "public",
    summary: "The security contact per RFC 9116: contact, policy, expiry (renewed on each request)",
    ok: { status: 200, download: "text/plain; charset=utf-8" },
    errors: [404],
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
  backup: route({
    method: "GET",
    path: "/api/v1/admin/backup",
    access: "settings.manage",
    summary:
      "The embedded database as one file, taken while the app runs and sealed with the instance key (restore: npm run embargo -- restore FILE --data-dir DIR); 409 on PostgreSQL, where pg_dump is the backup",
    ok: { status: 200, download: "application/octet-stream" },
    errors: [401, 403, 409],
  }),
} satisfies Record<string, Route>;
