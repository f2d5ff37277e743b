// The reporter's status link is a bearer credential in the URL: nothing that
// shows one may be cached, sent on as a referrer or indexed. A plain module
// (no server-only, no aliases needed) so next.config.ts and proxy.ts can import it.

export const STATUS_PAGE_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex",
} as const;
