import { appUrl } from "@/lib/env";
import { openApiDocument } from "@/lib/openapi";
import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";

export const dynamic = "force-dynamic";

// GET /api/v1/openapi.json — the API described from the route schemas
export const GET = withRole(routes.openApi, async () =>
  json(openApiDocument(appUrl()), { headers: { "Cache-Control": "public, max-age=300" } }),
);
