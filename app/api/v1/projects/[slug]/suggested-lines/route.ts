import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { suggestLinesFromNpm } from "@/lib/server/projects/npm-suggest";

export const dynamic = "force-dynamic";

// GET /api/v1/projects/{slug}/suggested-lines — release lines proposed from the npm registry (admin; nothing is saved)
export const GET = withRole<{ slug: string }>(routes.suggestLines, async ({ actor, params }) =>
  json(await suggestLinesFromNpm(actor, params.slug)),
);
