import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { exportOsv } from "@/lib/server/osv/export";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/{key}/osv — the report as an OSV record
export const GET = withRole<{ key: string }>(routes.exportOsv, async ({ actor, params }) =>
  json(await exportOsv(actor, params.key)),
);
