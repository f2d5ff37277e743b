import { expect, submitReport, test } from "./fixtures";

test.use({ storageState: "e2e/.state/handler.storage.json" });

test("a handler triages on the report page: note, message, assign, rate and confirm", async ({ page, api }) => {
  const anon = await api(null);
  const created = await submitReport(anon, {
    title: "Cookie parsing crash",
    body: "Send `Cookie: =`",
    reporterEmail: "cora@example.org",
  });
  const token = created.token;
  await page.goto(`/reports/${created.key}`);

  // internal by default: the button says so
  const composer = page.getByLabel("Internal note");
  await composer.fill("Looks like the parser trusts the first byte.");
  await page.getByRole("button", { name: "Add internal note" }).click();
  await expect(
    page.getByRole("list", { name: "Timeline" }).getByText("Looks like the parser trusts the first byte."),
  ).toBeVisible();

  // switching to the reporter changes the button, and a canned response fills the text
  await page.getByRole("radio", { name: "Send to reporter" }).click();
  await page.getByLabel("Canned response").selectOption("more-information");
  await expect(page.getByRole("button", { name: "Send to reporter" })).toBeVisible();
  await page.getByRole("button", { name: "Send to reporter" }).click();
  await expect(page.getByRole("list", { name: "Timeline" }).getByText("the exact version(s) you tested")).toBeVisible();

  const view = await (await anon.get(`/api/v1/status/${token}`)).json();
  expect(JSON.stringify(view)).toContain("the exact version(s) you tested");
  expect(JSON.stringify(view)).not.toContain("trusts the first byte");

  // acknowledge, assign, score and confirm
  await page.getByLabel("Status").selectOption("TRIAGE");
  await expect(page.getByText(/^Acknowledge: met/)).toBeVisible();
  await page.getByLabel("Primary handler").selectOption("hana@example.com");
  await expect(page.getByLabel("Primary handler")).toHaveValue("hana@example.com");
  await page.getByLabel("CVSS 3.1 or 4.0 vector").fill("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H");
  await expect(page.getByText("Score 7.5 · High")).toBeVisible();
  await page.getByLabel("CVSS 3.1 or 4.0 vector").press("Enter");
  await expect(page.getByLabel("Severity")).toHaveValue("HIGH");
  await page.getByLabel("Status").selectOption("CONFIRMED");
  await expect(page.getByLabel("Status")).toHaveValue("CONFIRMED");
  await expect(page.getByText(/Fix: .*left/)).toBeVisible();
});

test("a viewer sees the report without controls", async ({ browser }) => {
  const context = await browser.newContext({ storageState: "e2e/.state/viewer.storage.json" });
  const page = await context.newPage();
  await page.goto("/board");
  await page.getByTestId("report-card").first().click();
  await expect(page.getByRole("list", { name: "Timeline" })).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add internal note" })).toHaveCount(0);
  await context.close();
});
