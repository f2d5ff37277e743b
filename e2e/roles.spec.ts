import { expect, test } from "./fixtures";

test.describe("a viewer", () => {
  test.use({ storageState: "e2e/.state/viewer.storage.json" });

  test("reads the board but cannot reach admin settings", async ({ page }) => {
    await page.goto("/board");
    await expect(page.getByTestId("report-card").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
    for (const path of ["/settings/users", "/settings/tokens"]) {
      await page.goto(path);
      await expect(page.getByTestId("forbidden")).toBeVisible();
      await expect(page.getByTestId("user-row")).toHaveCount(0);
    }
  });
});

test.describe("an admin", () => {
  test.use({ storageState: "e2e/.state/admin.storage.json" });

  test("adds a user and creates and revokes an API token, shown once", async ({ page, api }) => {
    await page.goto("/settings/users");
    await page.getByLabel("E-mail").fill("new.handler@example.com");
    await page.getByLabel("Name", { exact: true }).fill("New Handler");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText("Created new.handler@example.com.")).toBeVisible();
    await expect(page.getByTestId("secret")).toHaveText(/\S{20,}/);
    await expect(page.getByTestId("user-row").filter({ hasText: "new.handler@example.com" })).toBeVisible();

    await page.goto("/settings/tokens");
    await page.getByLabel("Name").fill("nightly export");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("secret").textContent())!.trim();
    expect(token).toMatch(/^emb_/);

    const client = await api(null);
    const ok = await client.get("/api/v1/reports?limit=1", { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status()).toBe(200);

    await page.reload();
    await expect(page.getByTestId("secret")).toHaveCount(0);
    await page
      .getByTestId("token-row")
      .filter({ hasText: "nightly export" })
      .getByRole("button", { name: "Revoke" })
      .click();
    await expect(page.getByTestId("token-row").filter({ hasText: "nightly export" })).toContainText("Revoked");
    const refused = await client.get("/api/v1/reports?limit=1", { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(401);
  });
});
