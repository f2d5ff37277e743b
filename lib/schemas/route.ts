import type { z } from "zod";

import type { Permission } from "@/lib/permissions";

/**
 * Who may call a route: a permission, or "public" (anyone; the route does its
 * own checks, e.g. the inbound mail secret), or "token-link" (the reporter's
 * status-link token is the only credential).
 */
export type Access = Permission | "public" | "token-link";

export type Route = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  access: Access;
  /** an internal helper of the web app, left out of the OpenAPI document */
  internal?: boolean;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * the success status and the name of its JSON schema in the OpenAPI components, or the content type of a
   * download (the bytes of a file: an attachment, a raw mail)
   */
  ok?: { status: number; schema: string } | { status: number; download: string } | { status: number; empty: true };
  /** the request body may also come as multipart/form-data (the body's fields, plus `files`) */
  multipart?: boolean;
  errors?: number[];
};

/** declares one route, keeping its literal type (method, path, access) for `withRole` and OpenAPI */
export const route = <R extends Route>(r: R) => r;
