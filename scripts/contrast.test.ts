import { describe, expect, it } from "vitest";

import type { Theme } from "./contrast";
import { contrast, loadTokens } from "./contrast";

// The text colours the screens use on the surfaces they sit on, per theme: each reaches WCAG AA (4.5:1).
// The axe walk (e2e/a11y.spec.ts) checks the rendered screens; this pins the tokens themselves.
const TEXT_PAIRS: [Theme, string, string][] = [
  // quiet and secondary text, placeholders, disabled and greyed (EOL) text
  ["light", "zinc-400", "white"],
  ["light", "zinc-400", "zinc-50"],
  ["light", "zinc-400", "zinc-100"],
  ["light", "zinc-500", "white"],
  ["light", "zinc-500", "zinc-100"],
  ["light", "zinc-600", "zinc-100"],
  ["dark", "zinc-400", "zinc-900"],
  ["dark", "zinc-400", "zinc-800"],
  ["dark", "zinc-500", "zinc-950"],
  ["dark", "zinc-500", "zinc-900"],
  ["dark", "zinc-500", "zinc-800"],
  // links and the accent
  ["light", "accent-600", "white"],
  ["light", "accent-700", "accent-50"],
  ["light", "white", "accent-600"],
  ["dark", "accent-400", "zinc-900"],
  ["dark", "accent-400", "zinc-800"],
  ["dark", "white", "accent-700"],
  // SLA states: at risk, breached, met; errors
  ["light", "amber-700", "white"],
  ["light", "amber-700", "amber-50"],
  ["light", "red-700", "white"],
  ["light", "red-600", "white"],
  ["light", "emerald-700", "white"],
  ["dark", "amber-300", "zinc-900"],
  ["dark", "red-400", "zinc-900"],
  ["dark", "emerald-400", "zinc-900"],
  // severity badges
  ["light", "white", "red-600"],
  ["light", "orange-800", "orange-100"],
  ["light", "amber-800", "amber-50"],
  ["light", "sky-800", "sky-50"],
  ["dark", "orange-200", "orange-950"],
  ["dark", "amber-200", "amber-950"],
  ["dark", "sky-200", "sky-950"],
];

describe("colour tokens", () => {
  const tokens = loadTokens();

  it("reads the tuned greys per theme", () => {
    expect(tokens.light["zinc-400"]).toBe("#6e6d78");
    expect(tokens.dark["zinc-500"]).toBe("#91919c");
    expect(contrast("#777", "#fff")).toBeCloseTo(4.48, 2);
  });

  it.each(TEXT_PAIRS)("%s: %s text on %s reaches 4.5:1", (theme, fg, bg) => {
    const ratio = contrast(tokens[theme][fg]!, tokens[theme][bg]!);
    expect(ratio, `${tokens[theme][fg]} on ${tokens[theme][bg]}: ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps the focus ring visible on both themes' surfaces (3:1)", () => {
    for (const [theme, bg] of [
      ["light", "white"],
      ["light", "zinc-50"],
      ["dark", "zinc-950"],
      ["dark", "zinc-900"],
    ] as const)
      expect(contrast(tokens[theme]["accent-500"]!, tokens[theme][bg]!)).toBeGreaterThanOrEqual(3);
  });
});
