import { describe, expect, it } from "vitest";

import { csvField, toCsv } from "./csv";

describe("csvField", () => {
  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ["+1+1", `"'+1+1"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tcmd", `"'\tcmd"`],
    ["\rcmd", `"'\rcmd"`],
  ])("neutralises a formula start: %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ["plain", `"plain"`],
    ["", `""`],
    ['say "hi"', `"say ""hi"""`],
    ["a,b", `"a,b"`],
    ["line 1\nline 2", `"line 1\nline 2"`],
    ["1.2.3 - 1.2.9", `"1.2.3 - 1.2.9"`],
  ])("quotes and escapes %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("joins fields with commas and ends every row with CRLF", () => {
    expect(
      toCsv([
        ["key", "title"],
        ["EMB-1", "=cmd"],
      ]),
    ).toBe(`"key","title"\r\n"EMB-1","'=cmd"\r\n`);
  });
});
