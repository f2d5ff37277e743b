import type { Locator, Page } from "@playwright/test";

import { expect, patchReport, submitReport, test } from "./fixtures";

test.use({ storageState: "e2e/.state/handler.storage.json" });

const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);

async function dragTo(page: Page, card: Locator, target: Locator) {
  await card.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + 30, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
  await page.mouse.up();
}

test("the board lists the seeded reports in workflow columns", async ({ page, api }) => {
  // other specs may close reports: count what the API holds before looking
  const board = (await (await (await api("handler")).get("/api/v1/board")).json()) as {
    columns: { CLOSED: { items: unknown[]; total: number } };
  };
  const closed = board.columns.CLOSED;
  expect(closed.items.length).toBeGreaterThanOrEqual(4);
  await page.goto("/board");
  for (const status of ["NEW", "TRIAGE", "CONFIRMED", "FIXING", "RELEASE_PENDING", "DISCLOSED"]) {
    await expect(column(page, status).getByTestId("report-card").first()).toBeVisible();
  }
  await expect(column(page, "NEW").getByRole("heading")).toContainText("New");
  // Closed is collapsed until opened
  await expect(column(page, "CLOSED")).toHaveCount(0);
  await expect(page.getByTestId("column-CLOSED-toggle")).toContainText(String(closed.total));
  await page.getByTestId("column-CLOSED-toggle").click();
  await expect(column(page, "CLOSED").getByTestId("report-card")).toHaveCount(closed.items.length);
  // a breached clock is said in words, not only colour
  await expect(page.getByText(/late by/).first()).toBeVisible();
});

test("filters live in the URL", async ({ page }) => {
  await page.goto("/board");
  await page.getByLabel("Project").selectOption("body-parser");
  await expect(page).toHaveURL(/project=body-parser/);
  await expect(page.getByTestId("report-card").first()).toBeVisible();
  for (const card of await page.getByTestId("report-card").all()) await expect(card).toContainText("body-parser");
  await page.getByTestId("filter-breached").click();
  await expect(page).toHaveURL(/sla=breached/);
  await page.reload();
  await expect(page.getByTestId("filter-breached")).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/board$/);
});

test("a card shows its project and the release lines it leaves open", async ({ page }) => {
  await page.goto("/board");
  const card = page.getByTestId("report-card").filter({ hasText: "res.sendFile follows symlinks outside root" });
  await expect(card).toContainText("express");
  await expect(card.getByTestId("card-line")).toHaveText(["5.x affected", "4.x fix pending", "6.x affected"]);
});

test("a card opens the report page with its body and timeline", async ({ page, api }) => {
  const handler = await api("handler");
  const { key } = await submitReport(await api(null), { body: "## Steps to reproduce\n\n1. Send a request" });
  for (const [body, visibility] of [
    ["Reproduced on main.", "internal"],
    ["Thanks, we can reproduce it.", "reporter"],
  ])
    expect((await handler.post(`/api/v1/reports/${key}/messages`, { data: { body, visibility } })).status()).toBe(201);
  await patchReport(
    handler,
    key,
    { status: "TRIAGE", assignee: "hana@example.com", severity: "HIGH" },
    { status: "CONFIRMED" },
    { status: "FIXING" },
  );
  await page.goto("/board");
  const card = column(page, "FIXING").locator(`[data-key="${key}"]`);
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/reports/${key}$`));
  await expect(page.getByText(key, { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Steps to reproduce" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" }).getByText("Internal").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" }).getByText("To reporter").first()).toBeVisible();
});

test("dragging by mouse acknowledges a report, and a refused drop says why", async ({ page, api }) => {
  const { key } = await submitReport(await api(null));
  // the board narrowed to this report, so its card sits at the top of its column, level with the others
  await page.goto(`/board?q=${key}`);
  await expect(page.getByTestId("board")).toHaveAttribute("data-hydrated", "true");
  const card = column(page, "NEW").locator(`[data-key="${key}"]`);
  await expect(card).toContainText("Unassigned");

  // refused: a NEW report without handler or severity cannot be confirmed
  await dragTo(page, card, column(page, "CONFIRMED"));
  await expect(page.getByTestId("board-notice")).toContainText("Confirming needs a primary handler and a severity.");
  await expect(column(page, "NEW").locator(`[data-key="${key}"]`)).toBeVisible();

  await dragTo(page, column(page, "NEW").locator(`[data-key="${key}"]`), column(page, "TRIAGE"));
  await expect(column(page, "TRIAGE").locator(`[data-key="${key}"]`)).toBeVisible();
  await expect(page.getByTestId("board-notice")).toHaveText(`${key} moved to Triage.`);
  await page.reload();
  await expect(column(page, "TRIAGE").locator(`[data-key="${key}"]`)).toBeVisible();
});

test("the keyboard moves a card: space, arrows, space", async ({ page, api }) => {
  const { key } = await submitReport(await api(null));
  await page.goto("/board");
  await expect(page.getByTestId("board")).toHaveAttribute("data-hydrated", "true");
  const card = column(page, "NEW").locator(`[data-key="${key}"]`);
  await card.focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("drag-overlay")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText(`${key} is over Triage.`)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(column(page, "TRIAGE").locator(`[data-key="${key}"]`)).toBeVisible();

  // escape cancels
  const next = column(page, "TRIAGE").locator(`[data-key="${key}"]`);
  await next.focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("drag-overlay")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("drag-overlay")).toHaveCount(0);
  await expect(column(page, "TRIAGE").locator(`[data-key="${key}"]`)).toBeVisible();
});

test("another session's change arrives without reload", async ({ page, browser, api }) => {
  const { key } = await submitReport(await api(null));
  await page.goto("/board");
  await expect(column(page, "NEW").locator(`[data-key="${key}"]`)).toBeVisible();
  await expect(page.getByTestId("board")).toHaveAttribute("data-hydrated", "true");
  await page.waitForTimeout(500); // the event stream connects right after hydration

  const other = await api("admin");
  const current = await (await other.get(`/api/v1/reports/${key}`)).json();
  const res = await other.patch(`/api/v1/reports/${key}`, { data: { version: current.version, status: "TRIAGE" } });
  expect(res.status()).toBe(200);
  await expect(column(page, "TRIAGE").locator(`[data-key="${key}"]`)).toBeVisible({ timeout: 2_000 });
  void browser;
});

test("an unknown report key is a plain 404", async ({ page }) => {
  const response = await page.goto("/reports/SEC-1999-0001");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("No such report")).toBeVisible();
});
