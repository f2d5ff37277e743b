import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { importOsv } from "@/lib/server/osv/osv";

export const dynamic = "force-dynamic";

// POST /api/v1/import/osv — an OSV record → a report (created, or updated by its id and aliases)
export const POST = withRole(routes.importOsv, async ({ req, actor }) => {
  const raw = await readJson(req, 2 * 1024 * 1024);
  const result = await importOsv(actor, raw);
  return json(result, { status: result.created ? 201 : 200 });
});
