import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { databaseKind } from "@/lib/server/infra/database";
import { db } from "@/lib/server/infra/db";

export const dynamic = "force-dynamic";

// GET /api/health — liveness and database reachability, for load balancers
export const GET = withRole(routes.health, async () => {
  try {
    await db().$queryRaw`SELECT 1`;
    return json({ ok: true, db: "ok", database: databaseKind() });
  } catch {
    return json({ ok: false, db: "unreachable", database: databaseKind() }, { status: 503 });
  }
});
