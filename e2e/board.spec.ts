import { expect, test } from "./fixtures";

test.use({ storageState: "e2e/.state/handler.storage.json" });

test("the board lists the seeded reports in workflow columns", async ({ page }) => {
  await page.goto("/board");
  const columns = ["NEW", "TRIAGE", "CONFIRMED", "FIXING", "RELEASE_PENDING", "DISCLOSED"];
  for (const status of columns) {
    await expect(page.getByTestId(`column-${status}`).getByTestId("report-card").first()).toBeVisible();
  }
  // the demo's 30, plus any that other specs submitted
  expect(await page.getByTestId("report-card").count()).toBeGreaterThanOrEqual(30);
  await expect(page.getByTestId("column-NEW").getByRole("heading")).toContainText("New");
  // Closed is collapsed until opened
  const closed = page.getByTestId("column-CLOSED");
  await expect(closed.getByTestId("report-card").first()).toBeHidden();
  await closed.locator("summary").click();
  await expect(closed.getByTestId("report-card")).toHaveCount(4);
  // a breached clock is said in words, not only colour
  await expect(page.getByText(/late by/).first()).toBeVisible();
});

test("a card opens the report page with its body and timeline", async ({ page }) => {
  await page.goto("/board");
  const card = page.getByTestId("column-FIXING").getByTestId("report-card").first();
  const key = await card.getAttribute("data-key");
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/reports/${key}$`));
  await expect(page.getByText(key!, { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Steps to reproduce" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" }).getByText("Internal").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" }).getByText("To reporter").first()).toBeVisible();
});

test("an unknown report key is a plain 404", async ({ page }) => {
  const response = await page.goto("/reports/SEC-1999-0001");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("No such report")).toBeVisible();
});
