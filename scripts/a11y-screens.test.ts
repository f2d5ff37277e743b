import { readdirSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { REDIRECT_ONLY, SCREENS } from "../e2e/a11y-screens";

// Every page in the file tree has an accessibility check (e2e/a11y-screens.ts), so a new page cannot ship
// without one. Route groups such as (team) are not part of the address.
function pages(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === "api") continue;
      out.push(...pages(full, /^\(.*\)$/.test(name) ? prefix : `${prefix}/${name}`));
    } else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(name)) out.push(prefix || "/");
  }
  return out;
}

describe("the accessibility screen list", () => {
  const routes = pages("app");

  it("finds the pages", () => {
    expect(routes).toEqual(expect.arrayContaining(["/", "/board", "/reports/[key]", "/status/[token]"]));
  });

  it.each(routes)("checks %s with axe (or says why it has nothing to check)", (route) => {
    const listed = SCREENS.some((s) => s.route === route) || route in REDIRECT_ONLY;
    expect(listed, `add ${route} to SCREENS in e2e/a11y-screens.ts`).toBe(true);
  });

  it("lists no page that is gone", () => {
    for (const route of [...SCREENS.map((s) => s.route), ...Object.keys(REDIRECT_ONLY)])
      expect(routes).toContain(route);
  });
});
