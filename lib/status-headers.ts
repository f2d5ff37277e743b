// The reporter's status link is a bearer credential in the URL: nothing that
// shows one may be cached, sent on as a referrer or indexed. A plain module
// (no server-only, no aliases needed) so next.config.ts and proxy.ts can import it.

export const STATUS_PAGE_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex",
} as const;

// An attachment download gets this policy and no other. next.config.ts sets it
// on the download path (errors included) and leaves that path out of the
// API-wide CSP: a header set there wins over the route's own (Next adds a
// route's header only when none is set yet). The route sets it too, for
// servers that do not read next.config.ts headers.
export const DOWNLOAD_CSP = "sandbox; default-src 'none'";

/** The download routes' paths (an attachment, a raw inbound mail), as next.config.ts `source` patterns see them after `/api/`. */
export const DOWNLOAD_PATH_PATTERN = "v1/(?:reports/[^/]+/attachments/[^/]+|inbound/[^/]+/raw)/?";
