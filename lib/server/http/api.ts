import "server-only";

import { randomUUID } from "node:crypto";

import { DomainError } from "@/lib/errors";
import type { Route } from "@/lib/schemas/routes";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { bearerActor, sessionActor } from "@/lib/server/auth/session";
import { classifyDatabaseError, isDatabaseUnavailable } from "@/lib/server/infra/db-errors";

// The one wrapper every /api route goes through: it resolves who is asking,
// checks the permission the route declares, and turns errors into the
// documented shape. Nothing else reaches a client.
//
// Validation at the boundary, one rule everywhere: the use case validates its
// input, once, with the feature's schema from lib/schemas (parseInput), and
// takes it as `unknown`. A route reads the size-limited body (readJson,
// readBytes) and passes it on as it came; it parses only what the use case
// does not take as input (route params, a query it splits). A server action
// does the same through lib/server/http/action.ts: its *.validation.ts schema
// turns FormData into the use case's input shape (never a cast), and the use
// case validates that. No `as never`, no casts of form data.

type Ctx<P> = { req: Request; actor: Actor | null; params: P; requestId: string };
type Handler<P> = (ctx: Ctx<P>) => Promise<Response>;

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function errorResponse(error: DomainError, requestId?: string): Response {
  const body = {
    error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
  };
  return json(body, {
    status: error.status,
    headers: { ...error.headers, ...(requestId ? { "X-Request-Id": requestId } : {}) },
  });
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** 503 with Retry-After: the mail system (or any client) should try again shortly. */
export function unavailableResponse(error: unknown, requestId: string): Response {
  console.error(`[${requestId}] database unavailable:`, error instanceof Error ? error.message : error);
  return errorResponse(
    new DomainError("unavailable", "The database is unavailable. Try again shortly.", {
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
    }),
    requestId,
  );
}

export const RETRY_AFTER_SECONDS = 5;

/** The error as the client sees it; a database unavailability is recognised by its type or code. */
export function toErrorResponse(error: unknown, requestId: string): Response {
  if (error instanceof DomainError) return errorResponse(error, requestId);
  if (classifyDatabaseError(error) === true) return unavailableResponse(error, requestId);
  console.error(`[${requestId}] unhandled error:`, error);
  return json(
    { error: { code: "internal", message: `Something went wrong (request ${requestId}).` } },
    { status: 500, headers: { "X-Request-Id": requestId } },
  );
}

/** As toErrorResponse, and an error of no known kind is a 503 too when the database does not answer a probe. */
export async function toErrorResponseProbing(error: unknown, requestId: string): Promise<Response> {
  if (!(error instanceof DomainError) && (await isDatabaseUnavailable(error)))
    return unavailableResponse(error, requestId);
  return toErrorResponse(error, requestId);
}

async function resolveActor(req: Request): Promise<Actor | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const actor = await bearerActor(authorization);
    // a presented but unusable credential never falls back to the cookie
    if (!actor) throw new DomainError("unauthenticated", "The bearer token is not valid.");
    return actor;
  }
  const actor = await sessionActor();
  if (actor && UNSAFE.has(req.method)) {
    // cookie-authenticated writes must come from our own pages (SameSite=Lax
    // already keeps cross-site requests cookieless; this is the second lock)
    const origin = req.headers.get("origin");
    const site = req.headers.get("sec-fetch-site");
    const ours = [new URL(req.url).origin, process.env.APP_URL?.replace(/\/+$/, "")];
    const sameOrigin = origin ? ours.includes(origin) : site === "same-origin";
    if (!sameOrigin)
      throw new DomainError("forbidden", "Cross-origin request refused. Scripts should use a bearer token.");
  }
  return actor;
}

/**
 * Wraps a route handler with what its entry in lib/schemas/routes.ts declares:
 * a permission, or "public"/"token-link" for routes anyone may call (which
 * then do their own checks, e.g. a status-link token).
 */
export function withRole<P = Record<string, never>>(route: Route, handler: Handler<P>) {
  const permission = route.access === "public" || route.access === "token-link" ? null : route.access;
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      const params = (await context?.params) ?? ({} as P);
      // public routes serve anyone: a stray or stale Authorization header is ignored there
      const actor = permission ? await resolveActor(req) : await resolveActor(req).catch(() => null);
      if (permission) authorize(actor, permission);
      const res = await handler({ req, actor, params, requestId });
      res.headers.set("X-Request-Id", requestId);
      return res;
    } catch (error) {
      return toErrorResponseProbing(error, requestId);
    }
  };
}

/** Reads a JSON body of at most maxBytes, unvalidated: the use case it goes to validates it. */
export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw new DomainError("too_large", `The request body is over ${Math.round(maxBytes / 1024)} KB.`);
  // The content type is not required: scripts often send JSON as curl's
  // default form type. Cookie writes are guarded by SameSite and Origin.
  const text = await readText(req, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError("bad_request", "The body is not valid JSON.");
  }
}

/** Reads a body as text, stopping (413) as soon as it passes maxBytes. */
export async function readText(req: Request, maxBytes: number): Promise<string> {
  return (await readBytes(req, maxBytes)).toString("utf8");
}

/** Reads a body as bytes, refusing (413) a declared or actual size over maxBytes without reading it all. */
export async function readBytes(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw new DomainError("too_large", `The request body is over ${Math.round(maxBytes / 1024)} KB.`);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new DomainError("too_large", `The request body is over ${Math.round(maxBytes / 1024)} KB.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Whether a request's body is multipart/form-data (a form with files). */
export function isMultipart(req: Request): boolean {
  return /^multipart\/form-data\s*;/i.test(req.headers.get("content-type") ?? "");
}

/** Reads a form body (urlencoded or multipart) of at most maxBytes (413 past it) and parses it. */
export async function readForm(req: Request, maxBytes: number): Promise<FormData> {
  const bytes = await readBytes(req, maxBytes);
  try {
    return await new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": req.headers.get("content-type") ?? "application/x-www-form-urlencoded" },
    }).formData();
  } catch {
    throw new DomainError("bad_request", "The form data could not be read.");
  }
}

/** A form's non-empty text fields as a plain object (files and empty fields left out), for a use case's schema. */
export function textFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && value !== "") out[name] = value;
  return out;
}

/** Query parameters as a plain object (for zod). */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
