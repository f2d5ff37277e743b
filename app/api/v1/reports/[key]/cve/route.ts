import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { exportCve } from "@/lib/server/osv/export";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/{key}/cve — the CVE JSON 5 `containers.cna`, with affected versions and per-line changes
export const GET = withRole<{ key: string }>(routes.exportCve, async ({ actor, params }) =>
  json(await exportCve(actor, params.key)),
);
