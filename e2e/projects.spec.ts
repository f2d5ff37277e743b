import { expect, test } from "./fixtures";

test.use({ storageState: "e2e/.state/admin.storage.json" });

test("an admin manages projects and release lines, with the errors named", async ({ page }) => {
  await page.goto("/settings/projects");
  const slug = `web-${Date.now().toString(36)}`;
  await page.getByLabel("Name", { exact: true }).fill("Web kit");
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Created Web kit.")).toBeVisible();

  const card = page.getByTestId("project-card").filter({ hasText: slug });
  await card.getByRole("button", { name: "Add line" }).click();
  await card.getByLabel("Line 1 name").fill("1.x");
  await card.getByLabel("Line 1 range").fill(">=1.0.0 <2.0.0-0");
  await card.getByLabel("Line 1 latest").fill("2.0.0");
  await card.getByRole("button", { name: "Save lines" }).click();
  await expect(card.getByText("2.0.0 is not in >=1.0.0 <2.0.0-0")).toBeVisible();
  await card.getByLabel("Line 1 latest").fill("1.4.2");
  await card.getByRole("button", { name: "Save lines" }).click();
  await expect(card.getByText("Saved 1 release lines.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("project-card").filter({ hasText: slug }).getByLabel("Line 1 latest")).toHaveValue(
    "1.4.2",
  );
});
