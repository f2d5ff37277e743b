import { readFileSync } from "node:fs";

import { expect, test } from "./fixtures";
import { osvExportProblems } from "../lib/domain/osv-validate";


const advisory = JSON.parse(readFileSync("tests/fixtures/GHSA-qw6h-vgh9-j6wx.json", "utf8"));

test("a published advisory imported through the API lands in the matrix, once, and exports back", async ({ api }) => {
  const handler = await api("handler");
  // the demo already tracks CVE-2024-43796: the import finds it by that alias and updates it
  const seeded = (await (await handler.get("/api/v1/reports?q=redirect&limit=200")).json()).items.find((r: { cveId: string | null }) => r.cveId === "CVE-2024-43796");
  const first = await handler.post("/api/v1/import/osv", { data: advisory });
  expect(first.status()).toBe(200);
  const { key, created } = await first.json();
  expect(created).toBe(false);
  expect(key).toBe(seeded.key);

  const again = await handler.post("/api/v1/import/osv", { data: advisory });
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual({ key, created: false });

  // (the matrix page lists open reports; this one is disclosed, so read its own row)
  const report = await (await handler.get(`/api/v1/reports/${key}`)).json();
  const cell = (line: string) => report.matrix.find((c: { line: string }) => c.line === line);
  expect(cell("4.x")).toMatchObject({ state: "fixed", version: "4.20.0" });
  expect(cell("5.x")).toMatchObject({ state: "not_affected" });
  expect(cell("3.x")).toMatchObject({ state: "wont_fix" });

  const osv = await (await handler.get(`/api/v1/reports/${key}/osv`)).json();
  // the reporter's words stay; the advisory adds its ids
  expect(osv).toMatchObject({ id: "GHSA-qw6h-vgh9-j6wx", summary: seeded.title });
  expect(osv.aliases).toContain("CVE-2024-43796");
  expect(osvExportProblems(osv)).toEqual([]);

  const bad = await handler.post("/api/v1/import/osv", { data: { not: "osv" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields).toMatchObject({ id: "is required", modified: "is required" });
  const unknown = await handler.post("/api/v1/import/osv", { data: { ...advisory, id: "GHSA-2222-3333-4444", aliases: [], affected: [{ package: { ecosystem: "npm", name: "left-pad" }, ranges: [{ type: "SEMVER", events: [{ introduced: "0" }] }] }] } });
  expect(unknown.status()).toBe(422);
  expect((await (await api("viewer")).post("/api/v1/import/osv", { data: advisory })).status()).toBe(403);
});
