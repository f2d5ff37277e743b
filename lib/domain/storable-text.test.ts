import { describe, expect, it } from "vitest";

import { makeStorable, storableText, storableUtf8 } from "./storable-text";

describe("storableText", () => {
  it.each([
    ["plain text", "Prototype pollution in qs", "Prototype pollution in qs"],
    ["a NUL alone (=?UTF-8?B?AA==?=)", "\u0000", "\uFFFD"],
    ["NULs inside", "a\u0000b\u0000", "a\uFFFDb\uFFFD"],
    ["a lone high surrogate", "x\uD83Dy", "x\uFFFDy"],
    ["a lone low surrogate", "x\uDE00y", "x\uFFFDy"],
    ["a valid pair is kept", "ok \uD83D\uDE00", "ok \uD83D\uDE00"],
    ["other controls are kept", "tab\tline\n\u0007", "tab\tline\n\u0007"],
    ["ünïcödé", "ünïcödé ✓", "ünïcödé ✓"],
  ])("%s", (_, input, expected) => {
    expect(storableText(input)).toBe(expected);
  });

  it.each([
    ["valid UTF-8", Buffer.from("Grüße", "utf8"), "Grüße"],
    ["a stray byte", Buffer.from([0x61, 0xff, 0x62]), "a\uFFFDb"],
    ["a NUL byte", Buffer.from([0x61, 0x00]), "a\uFFFD"],
    ["a cut sequence", Buffer.from([0xe2, 0x9c]), "\uFFFD"],
  ])("reads bytes: %s", (_, bytes, expected) => {
    expect(storableUtf8(bytes)).toBe(expected);
  });

  it("cleans every string of a nested value and leaves bytes alone", () => {
    const bytes = Buffer.from([0, 1, 2]);
    const headers = new Map<string, unknown>([["subject", "\u0000"]]);
    const value = {
      subject: "\u0000",
      to: [{ name: "a\uD800", address: "x@y" }],
      headers,
      content: bytes,
      at: new Date(0),
    };
    const cycle: Record<string, unknown> = { value };
    (value as Record<string, unknown>).self = cycle;
    makeStorable(cycle);
    expect(value.subject).toBe("\uFFFD");
    expect(value.to[0]!.name).toBe("a\uFFFD");
    expect(headers.get("subject")).toBe("\uFFFD");
    expect(value.content).toBe(bytes);
    expect([...value.content]).toEqual([0, 1, 2]);
  });
});
