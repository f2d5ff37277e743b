import { expect, test } from "./fixtures";

test("a reporter submits the public form and follows a working status link", async ({ page }) => {
  await page.goto("/report");
  await page.getByLabel("Title").fill("Header injection in res.append()");
  await page
    .getByLabel("Description")
    .fill("## Steps\n\n1. Call `res.append('X', 'a\\r\\nb')`\n\n<script>alert('xss')</script>");
  // the preview renders the Markdown as the team will see it, without the raw HTML
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.getByTestId("body-preview").getByRole("heading", { name: "Steps" })).toBeVisible();
  await expect(page.getByTestId("body-preview")).not.toContainText("<script>");
  await page.getByRole("tab", { name: "Write" }).click();
  await page.getByLabel("Project (optional)").selectOption("express");
  await page.getByLabel("Your name (optional)").fill("Rae Porter");
  await page.getByLabel("Your e-mail").fill("rae@example.org");
  await page.getByRole("button", { name: "Send report" }).click();

  await expect(page.getByTestId("report-submitted")).toBeVisible();
  const link = page.getByTestId("status-link");
  const url = (await link.textContent())!;
  expect(url).toMatch(/\/status\/[A-Za-z0-9_-]{43}$/);

  const response = await page.goto(new URL(url).pathname);
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["x-robots-tag"]).toBe("noindex");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("heading", { name: "Header injection in res.append()" })).toBeVisible();
  await expect(page.getByTestId("stage-text")).toContainText("acknowledge it within 48 hours");
  await expect(page.getByText("We acknowledge your report within 48 hours")).toBeVisible();
});

test("the form explains what is wrong and keeps what was typed", async ({ page }) => {
  await page.goto("/report");
  await page.getByLabel("Title").fill("Something");
  await page.getByLabel("Description").fill("Details");
  await page.getByLabel("Your e-mail").fill("not-an-address");
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Something");
});

test("an unknown status link reveals nothing", async ({ page }) => {
  const response = await page.goto("/status/" + "A".repeat(43));
  expect(response?.status()).toBe(404);
  await expect(page.getByText("This status link is not valid")).toBeVisible();
});
