import "server-only";

import { multipartLimit } from "@/lib/domain/attachments";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { MAX_MESSAGE_BYTES } from "@/lib/schemas/reports";
import { isMultipart, readForm, toErrorResponse } from "@/lib/server/http/api";
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
  /** what was done (the page says so), and what went wrong alongside it, if anything */
  run: (form: FormData) => Promise<string | { done: string; error: string }>,
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
    // read at most a few messages' worth (and the files a reply may carry), whatever the request claims
    const limit = isMultipart(req) ? multipartLimit(env().ATTACHMENT_MAX_BYTES) : MAX_MESSAGE_BYTES * 4;
    const done = await run(await readForm(req, limit));
    return back(typeof done === "string" ? { done } : { done: done.done, error: done.error.slice(0, 300) });
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === "not_found") return toErrorResponse(error, "status-form");
      return back({ error: error.message.slice(0, 300) });
    }
    return toErrorResponse(error, crypto.randomUUID());
  }
}
