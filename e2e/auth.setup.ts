import { expect, test as setup } from "@playwright/test";

import { DEMO_PASSWORD } from "./fixtures";

// Signs in through the real form once per role and saves the session.
for (const [role, email] of [
  ["handler", "hana@example.com"],
  ["viewer", "viewer@example.com"],
  ["admin", "admin@example.com"],
] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/board");
    await expect(page).toHaveURL(/\/signin/);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/board$/);
    await expect(page.getByRole("heading", { name: "Board" })).toBeVisible();
    await page.context().storageState({ path: `e2e/.state/${role}.storage.json` });
  });
}
