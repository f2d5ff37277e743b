import { readFileSync } from "node:fs";

import { expect, test } from "./fixtures";
import { osvExportProblems } from "../lib/domain/osv-validate";

const advisory = JSON.parse(readFileSync("tests/fixtures/GHSA-qw6h-vgh9-j6wx.json", "utf8"));

test("a published advisory imported through the API lands in the matrix, once, and exports back", async ({ api }) => {
  const handler = await api("handler");
  // the demo already tracks CVE-2024-43796: the import finds it by that alias and updates it
  const seeded = (await (await handler.get("/api/v1/reports?q=redirect&limit=200")).json()).items.find(
    (r: { cveId: string | null }) => r.cveId === "CVE-2024-43796",
  );
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
  const unknown = await handler.post("/api/v1/import/osv", {
    data: {
      ...advisory,
      id: "GHSA-2222-3333-4444",
      aliases: [],
      affected: [
        {
          package: { ecosystem: "npm", name: "left-pad" },
          ranges: [{ type: "SEMVER", events: [{ introduced: "0" }] }],
        },
      ],
    },
  });
  expect(unknown.status()).toBe(422);
  expect((await (await api("viewer")).post("/api/v1/import/osv", { data: advisory })).status()).toBe(403);
});

test.describe("the import screen", () => {
  test.use({ storageState: "e2e/.state/handler.storage.json" });

  test("pasting or uploading a record creates a report, then updates it, and a broken record lists its problems", async ({
    page,
  }) => {
    await page.goto("/board");
    await page.getByRole("link", { name: "Import advisory" }).click();
    await expect(page.getByRole("heading", { name: "Import an advisory" })).toBeVisible();
    const record = { ...advisory, id: "GHSA-4444-5555-6666", aliases: [], summary: "Imported through the screen" };
    const field = page.getByLabel("OSV record (JSON)");

    await field.fill("{ not json");
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByTestId("import-error")).toContainText("This is not JSON");

    await field.fill(
      JSON.stringify({
        ...record,
        affected: [
          {
            package: { ecosystem: "npm", name: "express" },
            ranges: [{ type: "SEMVER", events: [{ fixed: "4.20.0" }] }],
          },
        ],
      }),
    );
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByTestId("import-error")).toContainText(
      "affected.0.ranges.0.events a range needs an introduced event",
    );

    await page.locator('input[type="file"]').setInputFiles({
      name: "GHSA-4444-5555-6666.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(record, null, 2)),
    });
    await expect(page.getByText("Read GHSA-4444-5555-6666.json.")).toBeVisible();
    await expect(field).toHaveValue(/"GHSA-4444-5555-6666"/);
    await page.getByRole("button", { name: "Import" }).click();
    const result = page.getByTestId("import-result");
    await expect(result).toContainText("Created SEC-");
    const key = (await result.getByRole("link").textContent())!;

    await page.getByRole("button", { name: "Import" }).click();
    await expect(result).toContainText(`Updated ${key}`);
    await result.getByRole("link", { name: key }).click();
    await expect(page.getByRole("heading", { name: "Imported through the screen" })).toBeVisible();
  });

  test("viewers cannot import", async ({ browser }) => {
    const context = await browser.newContext({ storageState: "e2e/.state/viewer.storage.json" });
    const page = await context.newPage();
    await page.goto("/import");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await context.close();
  });
});
