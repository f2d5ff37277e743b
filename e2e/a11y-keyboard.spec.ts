import type { Locator, Page } from "@playwright/test";

import { expect, patchReport, submitReport, test } from "./fixtures";

// Keyboard and screen-reader paths, driven with the keyboard only: the skip link, a visible focus on
// every tab stop, the board's drag with its announcements, the report page's composer and close
// dialog, the status page's forms, and prefers-reduced-motion.

/** Whether the focused element shows a focus indicator: an outline or a ring (box-shadow). */
async function focusShows(page: Page): Promise<{ what: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: "body", visible: true };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none";
    const label = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
    return { what: `${el.tagName.toLowerCase()} "${label}"`, visible: outline || ring };
  });
}

/** Tabs through up to `stops` focusable elements and returns those without a visible focus indicator. */
async function tabWithoutFocusRing(page: Page, stops: number): Promise<string[]> {
  const missing: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press("Tab");
    const { what, visible } = await focusShows(page);
    if (!visible) missing.push(what);
  }
  return missing;
}

/** Presses Tab until the target has focus, at most `max` times. */
async function tabTo(page: Page, target: Locator, max: number) {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
}

async function skipLinkWorks(page: Page) {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  expect((await skip.boundingBox())!.width).toBeGreaterThan(20); // shown once focused
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
}

test.describe("a reporter, with the keyboard only", () => {
  test("skips the header, sees where focus is, and replies and sets credit on the status page", async ({
    page,
    api,
  }) => {
    await page.goto("/report");
    await skipLinkWorks(page);
    await page.goto("/report");
    expect(await tabWithoutFocusRing(page, 14)).toEqual([]);

    const { token } = await submitReport(await api(null));
    await page.goto(`/status/${token}`);
    await skipLinkWorks(page);
    await page.goto(`/status/${token}`);
    expect(await tabWithoutFocusRing(page, 12)).toEqual([]);

    // reply: focus the box by its label's target, type, then Tab to the button and press Enter
    await page.getByLabel("Reply to the security team").focus();
    await page.keyboard.type("Typed with the keyboard only.");
    await tabTo(page, page.getByRole("button", { name: "Send reply" }), 4); // past the file picker
    await page.keyboard.press("Enter");
    await expect(page.getByText("Typed with the keyboard only.")).toBeVisible();
    await expect(page.getByText("Sent. The security team has been notified.")).toBeVisible();

    // credit: the radios answer the arrow keys
    await page.getByRole("group", { name: "How to credit you" }).getByRole("radio", { checked: true }).focus();
    for (let i = 0; i < 3 && !(await page.getByLabel("Credit me anonymously").isChecked()); i++)
      await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("Credit me anonymously")).toBeChecked();
    await page.getByRole("button", { name: "Save credit preference" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("credit")).toHaveText("Anonymously");
  });
});

test.describe("a handler, with the keyboard only", () => {
  test.use({ storageState: "e2e/.state/handler.storage.json" });

  test("skips the header and sees focus on every stop of the board", async ({ page }) => {
    await page.goto("/board");
    await expect(page.getByTestId("board")).toHaveAttribute("data-hydrated", "true");
    await skipLinkWorks(page);
    await page.goto("/board");
    await expect(page.getByTestId("board")).toHaveAttribute("data-hydrated", "true");
    expect(await tabWithoutFocusRing(page, 30)).toEqual([]);
  });

  test("moves a card and hears each step announced", async ({ page, api }) => {
    const { key } = await submitReport(await api(null));
    await page.goto(`/board?q=${key}`);
    await expect(page.getByTestId("board")).toHaveAttribute("data-hydrated", "true");
    const card = page.getByTestId("column-NEW").locator(`[data-key="${key}"]`);
    await card.focus();
    // the instructions a screen reader reads for the focused card
    await expect(card).toHaveAttribute("aria-describedby", /^DndDescribedBy/);
    await expect(page.locator('[id^="DndDescribedBy"]')).toContainText("press space");

    // the live region keeps only the latest words: record each one as it is spoken
    await page.evaluate(() => {
      const region = document.querySelector('[id^="DndLiveRegion"]')!;
      const heard: string[] = ((window as unknown as { heard: string[] }).heard = []);
      new MutationObserver(() => heard.push(region.textContent ?? "")).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard.join(" | "));
    await page.keyboard.press("Space");
    await expect.poll(heard).toContain(`Picked up ${key}.`);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(heard).toContain("Confirmed: not allowed.");
    // the first arrow already passed over Triage: wait for the words that follow the way back
    const spoken = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard.at(-1) ?? "");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(spoken).toBe(`${key} is over Triage.`);
    await page.keyboard.press("Space");
    await expect.poll(heard).toContain(`${key} dropped on Triage.`);
    await expect(page.getByTestId("column-TRIAGE").locator(`[data-key="${key}"]`)).toBeVisible();
    // focus stays on the card, so the next move can start from it
    await expect(page.getByTestId("column-TRIAGE").locator(`[data-key="${key}"]`)).toBeFocused();
  });

  test("writes to the reporter from the composer without a mouse", async ({ page, api }) => {
    const { key } = await submitReport(await api(null));
    await page.goto(`/reports/${key}`);
    await skipLinkWorks(page);
    await page.goto(`/reports/${key}`);
    expect(await tabWithoutFocusRing(page, 40)).toEqual([]);

    const internal = page.getByRole("radio", { name: "Internal note" });
    await internal.focus();
    await expect(internal).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("ArrowRight");
    const toReporter = page.getByRole("radio", { name: "Send to reporter" });
    await expect(toReporter).toBeFocused();
    await expect(toReporter).toHaveAttribute("aria-checked", "true");
    // one tab stop for the group: Tab leaves it for the canned responses
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Canned response")).toBeFocused();
    await page.getByLabel("Message to the reporter").focus();
    await page.keyboard.type("We can reproduce it, thank you.");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Send to reporter" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("list", { name: "Timeline" })).toContainText("We can reproduce it, thank you.");
  });

  test("the close dialog keeps focus inside and gives it back on escape", async ({ page, api }) => {
    const { key } = await submitReport(await api(null));
    await patchReport(await api("handler"), key, { status: "TRIAGE" });
    await page.goto(`/reports/${key}`);
    const status = page.getByLabel("Status");
    await status.focus();
    await status.selectOption("CLOSED");
    const dialog = page.getByRole("dialog", { name: `Close ${key}` });
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press("Tab");
      // nothing outside the dialog takes focus (the browser's own UI may, between rounds)
      const outside = await page.evaluate(() => {
        const el = document.activeElement;
        return el && el !== document.body && !el.closest("dialog") ? el.outerHTML.slice(0, 80) : null;
      });
      expect(outside).toBeNull();
    }
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(status).toBeFocused();
    await expect(status).toHaveValue("TRIAGE");
  });

  test("prefers-reduced-motion turns transitions off", async ({ page }) => {
    const duration = async () =>
      page
        .getByTestId("report-card")
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
    await page.goto("/board");
    expect(await duration()).toBeGreaterThan(0.05);
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await duration()).toBeLessThan(0.001);
  });
});
