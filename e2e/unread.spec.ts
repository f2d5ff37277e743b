import { expect, submitReport, test } from "./fixtures";

// The unread marker (issue 12 §2): a reporter's reply marks the report's card
// for each team member until they open the report's page again.

test.use({ storageState: "e2e/.state/handler.storage.json" });

test("a reporter's reply marks the card until the report is opened", async ({ page, api }) => {
  const anon = await api(null);
  const { key, token } = await submitReport(anon, { title: `Unread marker ${Date.now()}` });
  const card = page.locator(`[data-testid="report-card"][data-key="${key}"]`);

  await page.goto("/board");
  await expect(card).toBeVisible();
  await expect(card.getByTestId("card-unread")).toHaveCount(0);

  const reply = await anon.post(`/api/v1/status/${token}/messages`, { data: { body: "One more detail" } });
  expect(reply.ok()).toBe(true);
  const listed = (await (await api("handler")).get(`/api/v1/reports?q=${key}`)).json() as Promise<{
    items: { key: string; unread: boolean }[];
  }>;
  expect((await listed).items).toEqual([expect.objectContaining({ key, unread: true })]);
  await page.reload();
  await expect(card.getByTestId("card-unread")).toHaveText("New reply");
  // showing the card (and any prefetch of its link) is not opening the report
  await card.hover();
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(card.getByTestId("card-unread")).toHaveText("New reply");

  await card.click();
  await expect(page).toHaveURL(new RegExp(`/reports/${key}$`));
  await expect(page.getByText("One more detail")).toBeVisible();
  await page.goto("/board");
  await expect(card).toBeVisible();
  await expect(card.getByTestId("card-unread")).toHaveCount(0);
});
