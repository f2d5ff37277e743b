import { clientAddress } from "@/lib/server/infra/rate-limit";
import { handleStatusForm } from "@/lib/server/status/forms";
import { postReporterMessage } from "@/lib/server/status/reply";

export const dynamic = "force-dynamic";

// POST /status/{token}/reply — the reply form of the status page (works without JavaScript)
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return handleStatusForm(req, token, async (form) => {
    await postReporterMessage(token, { body: String(form.get("body") ?? "") }, clientAddress(req));
    return "reply";
  });
}
