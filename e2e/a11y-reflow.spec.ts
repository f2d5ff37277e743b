import { pagesFor, screenPath, sideways } from "./a11y-check";
import { SCREENS } from "./a11y-screens";
import { expect, test } from "./fixtures";

// Reflow (WCAG 1.4.10): at 320 CSS px wide — 1280 px at 400 % zoom — no screen scrolls sideways. Only the
// board's columns and the matrix table may be wider, and they scroll inside their own region.
// The fresh server's /setup is checked in fresh/a11y.spec.ts.

const screens = SCREENS.filter((s) => s.viewer !== "fresh");

test("no screen scrolls sideways at 320 CSS px", async ({ browser, api }) => {
  test.setTimeout(120_000);
  const { pages, close } = await pagesFor(
    browser,
    "light",
    { width: 320, height: 640 },
    screens.map((s) => s.viewer),
  );
  const failures: string[] = [];
  for (const screen of screens) {
    const page = pages.get(screen.viewer)!;
    await page.goto(await screenPath(screen, { api }));
    await screen.ready(page);
    await screen.after?.(page);
    const { overflow, culprits } = await sideways(page);
    if (overflow > 0) failures.push(`${screen.route}: ${overflow}px too wide\n    ${culprits.join("\n    ")}`);
  }
  await close();
  expect(failures, failures.join("\n")).toEqual([]);
});

test.describe("the wide parts scroll in their own region", () => {
  test.use({ storageState: "e2e/.state/admin.storage.json", viewport: { width: 320, height: 640 } });

  test("the board's columns", async ({ page }) => {
    await page.goto("/board");
    await expect(page.getByTestId("board")).toHaveAttribute("data-hydrated", "true");
    const region = page.getByRole("region", { name: "Board columns" });
    const { scrolls, overflowX } = await region.evaluate((el) => ({
      scrolls: el.scrollWidth > el.clientWidth,
      overflowX: getComputedStyle(el).overflowX,
    }));
    expect(scrolls).toBe(true);
    expect(overflowX).toBe("auto");
    expect((await sideways(page)).overflow).toBeLessThanOrEqual(0);
    // the region scrolls by itself; the first column's heading leaves, the page stays put
    await region.evaluate((el) => el.scrollBy(600, 0));
    expect(await page.evaluate(() => window.scrollX)).toBe(0);
  });

  test("the matrix, with its header row and report column held in place", async ({ page }) => {
    await page.goto("/matrix");
    const region = page.getByTestId("matrix");
    await expect(region).toBeVisible();
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect((await sideways(page)).overflow).toBeLessThanOrEqual(0);
    const corner = region.getByRole("columnheader", { name: "Report" });
    const before = (await corner.boundingBox())!;
    await region.evaluate((el) => el.scrollBy(400, 400));
    const after = (await corner.boundingBox())!;
    expect(Math.round(after.x)).toBe(Math.round(before.x));
    expect(Math.round(after.y)).toBe(Math.round(before.y));
    // the report column stays narrow enough to leave room for the lines beside it
    expect(before.width).toBeLessThan(200);
  });
});
