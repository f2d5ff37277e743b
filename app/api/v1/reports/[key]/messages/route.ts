import { MAX_MESSAGE_BYTES } from "@/lib/schemas/reports";
import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { postMessage } from "@/lib/server/reports/messages";

export const dynamic = "force-dynamic";

// POST /api/v1/reports/{key}/messages — an internal note, or a message to the reporter
export const POST = withRole<{ key: string }>(routes.postMessage, async ({ req, actor, params }) => {
  // the size check is the use case's (413 over 64 KB); the envelope allows JSON escaping
  const input = await readJson(req, MAX_MESSAGE_BYTES * 6 + 1024);
  return json(await postMessage(actor, params.key, input), { status: 201 });
});
