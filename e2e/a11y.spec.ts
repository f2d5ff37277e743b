import type { Finding } from "./a11y-check";
import { SCHEMES, WIDTHS, axeFindings, pagesFor, screenPath, summary } from "./a11y-check";
import { SCREENS } from "./a11y-screens";
import { expect, test } from "./fixtures";

// axe-core on every screen of the demo server (e2e/a11y-screens.ts), in both themes, at desktop and phone
// width: no serious or critical WCAG 2.2 A/AA violation. The fresh server's /setup is in fresh/a11y.spec.ts.

const screens = SCREENS.filter((s) => s.viewer !== "fresh");

for (const scheme of SCHEMES) {
  for (const { label, viewport } of WIDTHS) {
    test(`every screen passes axe, ${scheme} theme, ${label} width`, async ({ browser, api }) => {
      test.setTimeout(360_000);
      const { pages, close } = await pagesFor(
        browser,
        scheme,
        viewport,
        screens.map((s) => s.viewer),
      );
      const findings: Finding[] = [];
      for (const screen of screens) {
        const page = pages.get(screen.viewer)!;
        await page.goto(await screenPath(screen, { api }));
        await screen.ready(page);
        findings.push(await axeFindings(page, screen.route));
        await screen.after?.(page);
      }
      await close();
      if (process.env.A11Y_COUNTS)
        console.log(
          `a11y ${scheme} ${label}`,
          JSON.stringify(Object.fromEntries(findings.map((f) => [f.screen, f.count]))),
        );
      expect(
        findings.filter((f) => f.count),
        summary(findings),
      ).toEqual([]);
    });
  }
}
