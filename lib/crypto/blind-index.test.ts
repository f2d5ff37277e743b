import { describe, expect, it } from "vitest";

import { MAX_WORDS, blindIndex, normalizedWords, wordHash } from "./blind-index";

const key = Buffer.alloc(32, 3);

describe("blind index", () => {
  it.each([
    ["Reproduced with the xylophone payload.", ["reproduced", "xylophone", "payload"]],
    ["MARIMBA marimba Marimba", ["marimba"]],
    ["__proto__ pollutes Object.prototype", ["proto", "pollutes", "object", "prototype"]],
    ["Ｆｕｌｌwidth café CAFÉ", ["fullwidth", "café"]],
    ["a I of the", []],
    ["", []],
  ])("normalises %j", (text, words) => {
    expect(normalizedWords(text)).toEqual(words);
  });

  it("hashes each word to 16 letters, the same word alike, another key differently", () => {
    const h = wordHash(key, "xylophone");
    expect(h).toMatch(/^[a-p]{16}$/);
    expect(wordHash(key, "xylophone")).toBe(h);
    expect(wordHash(Buffer.alloc(32, 4), "xylophone")).not.toBe(h);
    expect(blindIndex(key, "The XYLOPHONE.")).toEqual([h]);
  });

  it("never holds a word in clear, is sorted and bounded", () => {
    const index = blindIndex(key, "secret marker words here");
    expect(index.join(" ")).not.toMatch(/secret|marker|words/);
    expect([...index].sort()).toEqual(index);
    const many = Array.from({ length: MAX_WORDS + 50 }, (_, i) => `w${i}`).join(" ");
    expect(blindIndex(key, many)).toHaveLength(MAX_WORDS);
    expect(blindIndex(key, null)).toEqual([]);
  });
});
