import { describe, expect, it } from "vitest";

import { looksLikeMail } from "./mail-shape";

describe("looksLikeMail", () => {
  it.each([
    ["a header first", "From: a@b.example\r\nSubject: x\r\n\r\nbody", true],
    ["Return-Path first", "Return-Path: <a@b.example>\nTo: s@x\n\nhi", true],
    ["an mbox From line", "From a@b.example Tue Nov 24 10:00:00 2026\nSubject: x\n\nhi", true],
    ["leading blank lines", "\r\n\r\nSubject: x\r\n\r\nhi", true],
    ["a header with odd spacing", "X-Weird-Header  : value\n\nhi", true],
    ["empty", "", false],
    ["only newlines", "\r\n\r\n", false],
    ["JSON", '{"from":"a@b.example"}', false],
    ["a form post", "from=a%40b&subject=x", false],
    ["plain prose", "Hello, I found a bug: it crashes", false],
    ["binary", "\u0000\u0001\u0002\u00ff", false],
  ])("%s", (_, text, expected) => {
    expect(looksLikeMail(Buffer.from(text, "latin1"))).toBe(expected);
  });
});
