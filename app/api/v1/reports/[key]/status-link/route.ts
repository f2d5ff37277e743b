import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { reissueStatusLink } from "@/lib/server/reports/status-link";

export const dynamic = "force-dynamic";

// POST /api/v1/reports/{key}/status-link — replace the reporter's link (the old one becomes 404) and mail the new one
export const POST = withRole<{ key: string }>(routes.reissueStatusLink, async ({ actor, params }) =>
  json(await reissueStatusLink(actor, params.key), { status: 201 }),
);
