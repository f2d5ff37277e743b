import { DomainError } from "@/lib/errors";
import { clientAddress } from "@/lib/server/infra/rate-limit";
import type { Upload } from "@/lib/server/reports/attachments";
import { uploadsFromForm } from "@/lib/server/reports/attachments";
import { handleStatusForm } from "@/lib/server/status/forms";
import { postReporterMessage } from "@/lib/server/status/reply";

export const dynamic = "force-dynamic";

// POST /status/{token}/reply — the reply form of the status page (works without JavaScript), with its files.
// Files over the limit (or more than 10) are refused, but the reply's text is still sent: a page without
// JavaScript cannot give the text back, so refusing all of it would lose what the reporter wrote.
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return handleStatusForm(req, token, async (form) => {
    let files: Upload[] = [];
    let refused: string | null = null;
    try {
      files = await uploadsFromForm(form);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== "too_large") throw error;
      refused = error.message;
    }
    await postReporterMessage(token, { body: String(form.get("body") ?? "") }, clientAddress(req), files);
    return refused ? { done: "reply", error: `Your reply was sent without its files. ${refused}` } : "reply";
  });
}
