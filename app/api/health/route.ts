import { json } from "@/lib/server/http/api";
import { databaseKind } from "@/lib/server/infra/database";
import { db } from "@/lib/server/infra/db";

export const dynamic = "force-dynamic";

// GET /api/health — liveness and database reachability, for load balancers
export async function GET(): Promise<Response> {
  try {
    await db().$queryRaw`SELECT 1`;
    return json({ ok: true, db: "ok", database: databaseKind() });
  } catch {
    return json({ ok: false, db: "unreachable", database: databaseKind() }, { status: 503 });
  }
}
