// WCAG 2.x contrast of the colour tokens, computed from the CSS the app ships: Tailwind's palette
// (node_modules/tailwindcss/theme.css) with app/globals.css's overrides, per theme.
import { readFileSync } from "node:fs";

export type Theme = "light" | "dark";

function declarations(css: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of css.matchAll(/--color-([a-z]+-\d+|white|black):\s*([^;]+);/g)) out[m[1]!] = m[2]!.trim();
  return out;
}

/** The colour tokens in force in each theme. */
export function loadTokens(root = "."): Record<Theme, Record<string, string>> {
  const stock = declarations(readFileSync(`${root}/node_modules/tailwindcss/theme.css`, "utf8"));
  const css = readFileSync(`${root}/app/globals.css`, "utf8");
  const darkAt = css.indexOf("@media (prefers-color-scheme: dark)");
  const darkEnd = css.indexOf("\n  }\n", css.indexOf("}", darkAt));
  const light = { ...stock, white: "#fff", black: "#000", ...declarations(css.slice(0, darkAt)) };
  return { light, dark: { ...light, ...declarations(css.slice(darkAt, darkEnd)) } };
}

/** sRGB channels 0..1 of a #rrggbb, #rgb or oklch() colour. */
export function toRgb(color: string): [number, number, number] {
  if (color.startsWith("#")) {
    const hex = color.length === 4 ? [...color.slice(1)].map((c) => c + c).join("") : color.slice(1);
    return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  }
  const m = /^oklch\(\s*([\d.]+)(%?)\s+([\d.]+)\s+([\d.]+|none)\s*\)$/.exec(color);
  if (!m) throw new Error(`unsupported colour ${color}`);
  const L = Number(m[1]) / (m[2] ? 100 : 1);
  const C = Number(m[3]);
  const h = ((m[4] === "none" ? 0 : Number(m[4])) * Math.PI) / 180;
  const [a, b] = [C * Math.cos(h), C * Math.sin(h)];
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const mm = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const linear = [
    4.0767416621 * l - 3.3077115913 * mm + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * mm - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * mm + 1.707614701 * s,
  ];
  return linear.map((x) => {
    const c = Math.min(1, Math.max(0, x));
    return c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
  }) as [number, number, number];
}

function luminance(color: string): number {
  const [r, g, b] = toRgb(color).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours, 1..21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
