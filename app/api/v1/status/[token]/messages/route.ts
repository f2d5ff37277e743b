import { MAX_MESSAGE_BYTES } from "@/lib/schemas/reports";
import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { clientAddress } from "@/lib/server/infra/rate-limit";
import { postReporterMessage } from "@/lib/server/status/reply";
import { STATUS_PAGE_HEADERS } from "@/lib/status-headers";

export const dynamic = "force-dynamic";

// POST /api/v1/status/{token}/messages — the reporter's reply; the token is the only credential
export const POST = withRole<{ token: string }>(routes.postStatusMessage, async ({ req, params }) => {
  const input = await readJson(req, MAX_MESSAGE_BYTES * 6 + 1024);
  return json(await postReporterMessage(params.token, input, clientAddress(req)), {
    status: 201,
    headers: STATUS_PAGE_HEADERS,
  });
});
