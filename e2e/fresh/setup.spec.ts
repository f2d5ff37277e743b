import { expect, test } from "@playwright/test";

test("the first visit offers a one-time setup that creates the admin", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Embargo" })).toBeVisible();

  // inline validation: a short password is refused with the reason
  await page.getByLabel("Your name").fill("Ada Admin");
  await page.getByLabel("E-mail").fill("ada@example.com");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();

  await page.getByLabel("Password").fill("a-very-good-password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/signin\?setup=done/);
  await expect(page.getByText("Your admin account is ready")).toBeVisible();

  // setup is gone for good
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("E-mail").fill("ada@example.com");
  await page.getByLabel("Password").fill("wrong-password-here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The e-mail or password is not right.")).toBeVisible();

  await page.getByLabel("Password").fill("a-very-good-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/board$/);
  await expect(page.getByText("No reports yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
});
