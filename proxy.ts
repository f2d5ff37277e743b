import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";

import { STATUS_PAGE_HEADERS } from "@/lib/status-headers";

// Only headers and routing happen here; every page and route checks who is
// asking itself. Each HTML response gets a fresh nonce-based CSP.

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Referrer-Policy", "same-origin");
  // a status link and a reset link carry a secret in the address: not sent on, cached or indexed
  if (request.nextUrl.pathname.startsWith("/status/") || request.nextUrl.pathname.startsWith("/reset/")) {
    for (const [name, value] of Object.entries(STATUS_PAGE_HEADERS)) response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
