import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";

import type { Screen, ScreenHelpers, Viewer } from "./a11y-screens";

// The walk both accessibility specs share: open each screen in one theme at one width, run axe-core
// with the WCAG 2.x A and AA rules, keep what is serious or critical.

export const SCHEMES = ["light", "dark"] as const;
export const WIDTHS = [
  { label: "desktop", viewport: { width: 1280, height: 800 } },
  { label: "phone", viewport: { width: 320, height: 640 } },
] as const;

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface Finding {
  screen: string;
  /** elements in serious or critical violations */
  count: number;
  /** "rule-id: selector" lines, for the failure message */
  lines: string[];
}

export async function axeFindings(page: Page, screen: string): Promise<Finding> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const lines = bad.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}${n.failureSummary ? ` — ${firstLine(n.failureSummary)}` : ""}`),
  );
  return { screen, count: lines.length, lines };
}

function firstLine(summary: string): string {
  return summary.split("\n").slice(1).join(" ").trim().slice(0, 160);
}

/** Resolves a screen's address once per run (the status page makes one report, not one per theme and width). */
const resolved = new Map<string, Promise<string>>();
export function screenPath(screen: Screen, helpers: ScreenHelpers): Promise<string> {
  if (typeof screen.path === "string") return Promise.resolve(screen.path);
  if (!resolved.has(screen.route)) resolved.set(screen.route, screen.path(helpers));
  return resolved.get(screen.route)!;
}

/** One page per viewer, reused from screen to screen. */
export async function pagesFor(
  browser: Browser,
  scheme: (typeof SCHEMES)[number],
  viewport: { width: number; height: number },
  viewers: Viewer[],
): Promise<{ pages: Map<Viewer, Page>; close(): Promise<void> }> {
  const contexts: BrowserContext[] = [];
  const pages = new Map<Viewer, Page>();
  for (const viewer of new Set(viewers)) {
    const context = await browser.newContext({
      viewport,
      colorScheme: scheme,
      storageState: viewer === "admin" ? "e2e/.state/admin.storage.json" : undefined,
    });
    contexts.push(context);
    pages.set(viewer, await context.newPage());
  }
  return { pages, close: async () => void (await Promise.all(contexts.map((c) => c.close()))) };
}

export function summary(findings: Finding[]): string {
  return findings
    .filter((f) => f.count)
    .map((f) => `${f.screen} (${f.count}):\n  ${f.lines.join("\n  ")}`)
    .join("\n");
}

/**
 * The page's horizontal overflow, and the outermost elements that stick out past its right edge (outside a
 * region that scrolls or clips on its own, where wider content is allowed).
 */
export async function sideways(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    // clipped by a scrolling ancestor that contains it: in flow, or (when absolute) past its containing block
    const contained = (el: HTMLElement) => {
      let box: Element = el;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        const absolute = getComputedStyle(box).position === "absolute";
        if (absolute && style.position === "static" && style.transform === "none") continue;
        if (style.overflowX !== "visible") return true;
        box = p;
      }
      return false;
    };
    const wide = new Set<Element>();
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5 && !contained(el)) wide.add(el);
    }
    const culprits = [...wide]
      .filter((el) => !el.parentElement || !wide.has(el.parentElement))
      .map((el) => {
        const cls = typeof el.className === "string" ? el.className.slice(0, 70) : "";
        const testId = el.getAttribute("data-testid");
        const right = Math.round(el.getBoundingClientRect().right);
        return `${el.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ""}.${cls} right=${right}`;
      });
    return { overflow: root.scrollWidth - width, culprits: culprits.slice(0, 8) };
  });
}
