import "server-only";

import { DomainError } from "@/lib/errors";
import { MAX_MESSAGE_BYTES } from "@/lib/schemas/reports";
import { readBytes, toErrorResponse } from "@/lib/server/http/api";
import { isStatusToken } from "@/lib/server/status/token";
import { STATUS_PAGE_HEADERS } from "@/lib/status-headers";

// The status page's forms post to route handlers, not server actions: the
// page sends Referrer-Policy: no-referrer, so a browser without JavaScript
// posts with "Origin: null", which server actions refuse. No cookie is
// involved — the link's token is the credential — so there is nothing to
// forge, and each handler answers with a redirect back to the page.

export async function handleStatusForm(
  req: Request,
  token: string,
  run: (form: FormData) => Promise<string>,
): Promise<Response> {
  // a malformed token never reaches a redirect (it could point anywhere)
  if (!isStatusToken(token))
    return toErrorResponse(new DomainError("not_found", "This status link is not valid."), "status-form");
  const back = (params: Record<string, string>) => {
    const query = new URLSearchParams(params).toString();
    return new Response(null, {
      status: 303,
      headers: { Location: `/status/${token}?${query}`, ...STATUS_PAGE_HEADERS },
    });
  };
  try {
    // read at most a few messages' worth, whatever the (possibly chunked) request claims
    const bytes = await readBytes(req, MAX_MESSAGE_BYTES * 4);
    const form = await new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": req.headers.get("content-type") ?? "application/x-www-form-urlencoded" },
    }).formData();
    const done = await run(form);
    return back({ done });
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === "not_found") return toErrorResponse(error, "status-form");
      return back({ error: error.message.slice(0, 300) });
    }
    return toErrorResponse(error, crypto.randomUUID());
  }
}
