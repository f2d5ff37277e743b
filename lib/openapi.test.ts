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
});
