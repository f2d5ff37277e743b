import { expect, test } from "@playwright/test";

import type { Finding } from "../a11y-check";
import { SCHEMES, WIDTHS, axeFindings, pagesFor, sideways, summary } from "../a11y-check";
import { SCREENS } from "../a11y-screens";

// axe-core on the screens only an empty server shows (the first-visit setup), both themes, both widths.
// At phone width (320 CSS px) it must not scroll sideways either (reflow, as in a11y-reflow.spec.ts).
// Runs before fresh/setup.spec.ts, which ends the setup.

test("the setup screen passes axe in both themes and at both widths", async ({ browser }) => {
  // four browser contexts, each compiling the page and running axe: over the default 30 s on a busy machine
  test.setTimeout(120_000);
  const findings: Finding[] = [];
  for (const scheme of SCHEMES) {
    for (const { label, viewport } of WIDTHS) {
      const { pages, close } = await pagesFor(browser, scheme, viewport, ["fresh"]);
      const page = pages.get("fresh")!;
      for (const screen of SCREENS.filter((s) => s.viewer === "fresh")) {
        await page.goto(screen.path as string);
        await screen.ready(page);
        findings.push(await axeFindings(page, `${screen.route} ${scheme} ${label}`));
        if (label === "phone") {
          const { overflow, culprits } = await sideways(page);
          expect(overflow, `${screen.route} scrolls sideways:\n${culprits.join("\n")}`).toBeLessThanOrEqual(0);
        }
      }
      await close();
    }
  }
  if (process.env.A11Y_COUNTS) console.log("a11y fresh", JSON.stringify(findings.map((f) => [f.screen, f.count])));
  expect(
    findings.filter((f) => f.count),
    summary(findings),
  ).toEqual([]);
});
