import "server-only";

import { DomainError } from "@/lib/errors";

import { toErrorResponse } from "./api";
import { MAX_MESSAGE_BYTES } from "./reports.schema";

// The status page's forms post to route handlers, not server actions: the
// page sends Referrer-Policy: no-referrer, so a browser without JavaScript
// posts with "Origin: null", which server actions refuse. No cookie is
// involved — the link's token is the credential — so there is nothing to
// forge, and each handler answers with a redirect back to the page.

export async function handleStatusForm(req: Request, token: string, run: (form: FormData) => Promise<string>): Promise<Response> {
  const back = (params: Record<string, string>) => {
    const url = new URL(`/status/${token}`, req.url);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return new Response(null, { status: 303, headers: { Location: `${url.pathname}${url.search}`, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
  };
  try {
    if (Number(req.headers.get("content-length") ?? "0") > MAX_MESSAGE_BYTES * 4) throw new DomainError("too_large", "A message may be at most 64 KB.");
    const done = await run(await req.formData());
    return back({ done });
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === "not_found") return toErrorResponse(error, "status-form");
      return back({ error: error.message.slice(0, 300) });
    }
    return toErrorResponse(error, crypto.randomUUID());
  }
}
