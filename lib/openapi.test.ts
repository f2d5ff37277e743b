import { readdirSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { openApiDocument } from "./openapi";

function routes(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...routes(full, `${prefix}/${name.replace(/^\[(\w+)\]$/, "{$1}")}`));
    else if (name === "route.ts") out.push(prefix);
  }
  return out;
}

// internal helpers of the web app, not part of the public contract
const INTERNAL = ["/api/v1/openapi.json", "/api/v1/events", "/api/v1/matrix.csv", "/api/v1/reports/{key}/card"];

describe("the OpenAPI document", () => {
  const doc = openApiDocument("http://localhost:3000");

  it("describes every public /api/v1 route", () => {
    const files = routes("app/api/v1", "/api/v1").filter((r) => !INTERNAL.includes(r));
    expect(files.length).toBeGreaterThan(10);
    for (const route of files) expect(Object.keys(doc.paths)).toContain(route);
  });

  it("carries the contract's schemas", () => {
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(schemas.Report!.properties!)).toEqual(
      expect.arrayContaining(["key", "status", "sla", "matrix", "timeline", "version"]),
    );
    expect(Object.keys(schemas.Error!.properties!)).toEqual(["error"]);
  });

  it("takes the intake as JSON or as multipart/form-data with up to 10 files, 413 past that", () => {
    type Op = {
      requestBody: { content: Record<string, { schema: { properties: Record<string, { maxItems?: number }> } }> };
      responses: Record<string, unknown>;
    };
    const post = (doc.paths["/api/v1/reports"] as { post: Op }).post;
    expect(Object.keys(post.requestBody.content)).toEqual(["application/json", "multipart/form-data"]);
    const fields = post.requestBody.content["multipart/form-data"]!.schema.properties;
    expect(fields).toMatchObject({ title: {}, body: {}, reporterEmail: {}, files: { maxItems: 10 } });
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(["201", "413"]));
  });

  it("serves an attachment only as a sandboxed octet-stream download", () => {
    type Ok = { content: Record<string, unknown>; headers: Record<string, { description: string }> };
    const get = (doc.paths["/api/v1/reports/{key}/attachments/{id}"] as { get: { responses: { 200: Ok } } }).get;
    expect(Object.keys(get.responses[200].content)).toEqual(["application/octet-stream"]);
    expect(get.responses[200].headers["Content-Security-Policy"]!.description).toBe("sandbox; default-src 'none'");
    expect(doc.paths).toHaveProperty("/api/v1/reports/{key}/attachments");
  });
});
