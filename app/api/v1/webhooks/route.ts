import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { createWebhook, listWebhooks } from "@/lib/server/webhooks/endpoints";

export const dynamic = "force-dynamic";

// GET /api/v1/webhooks — the registered endpoints (admin)
export const GET = withRole(routes.listWebhooks, async ({ actor }) => json(await listWebhooks(actor)));

// POST /api/v1/webhooks — register an endpoint; its secret is in this answer only (admin)
export const POST = withRole(routes.createWebhook, async ({ actor, req }) =>
  json(await createWebhook(actor, await readJson(req, 16 * 1024)), {
    status: 201,
    headers: { "Cache-Control": "no-store" },
  }),
);
