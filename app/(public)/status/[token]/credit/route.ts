import { enforceRateLimit, clientAddress } from "@/lib/server/infra/rate-limit";
import { setCreditPreference } from "@/lib/server/status/credit";
import { handleStatusForm } from "@/lib/server/status/forms";

export const dynamic = "force-dynamic";

// POST /status/{token}/credit — the credit preference form of the status page
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return handleStatusForm(req, token, async (form) => {
    await enforceRateLimit("reply", clientAddress(req));
    await setCreditPreference(token, {
      preference: String(form.get("preference") ?? ""),
      name: String(form.get("name") ?? "") || undefined,
    });
    return "credit";
  });
}
