import { routes } from "@/lib/schemas/routes";
import { json, queryOf, withRole } from "@/lib/server/http/api";
import { listBoard } from "@/lib/server/reports/board";

export const dynamic = "force-dynamic";

// GET /api/v1/board — the board's columns with the filters of its URL
export const GET = withRole(routes.getBoard, async ({ req, actor }) => json(await listBoard(actor, queryOf(req))));
