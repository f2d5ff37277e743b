import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { enforceRateLimit, clientAddress } from "@/lib/server/infra/rate-limit";
import { getStatusView } from "@/lib/server/status/view";
import { STATUS_PAGE_HEADERS } from "@/lib/status-headers";

export const dynamic = "force-dynamic";

// GET /api/v1/status/{token} — the reporter's view; the token is the only credential
export const GET = withRole<{ token: string }>(routes.getStatus, async ({ req, params }) => {
  await enforceRateLimit("status", clientAddress(req));
  return json(await getStatusView(params.token), { headers: STATUS_PAGE_HEADERS });
});
