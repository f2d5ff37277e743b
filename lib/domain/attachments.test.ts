import { describe, expect, it } from "vitest";

import {
  MAX_PREVIEW_BYTES,
  cleanFilename,
  contentDisposition,
  formatBytes,
  looksLikeText,
  uploadProblem,
} from "./attachments";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("cleanFilename", () => {
  it.each([
    ["poc.py", "poc.py"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\ana\\exploit.sh", "exploit.sh"],
    ["evil\r\nX-Header: 1.txt", "evilX-Header: 1.txt"],
    ["", "attachment"],
    [null, "attachment"],
    ["dir/", "attachment"],
    ["x".repeat(300), "x".repeat(255)],
  ])("%j → %j", (name, clean) => expect(cleanFilename(name)).toBe(clean));
});

describe("contentDisposition", () => {
  it.each([
    ["poc.py", `attachment; filename="poc.py"; filename*=UTF-8''poc.py`],
    [
      "rapport d'été (1).txt",
      `attachment; filename="rapport d'_t_ (1).txt"; filename*=UTF-8''rapport%20d%27%C3%A9t%C3%A9%20%281%29.txt`,
    ],
    ['a"b.txt', `attachment; filename="a_b.txt"; filename*=UTF-8''a%22b.txt`],
    ["日本.log", `attachment; filename="__.log"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.log`],
    ["100%.txt", `attachment; filename="100_.txt"; filename*=UTF-8''100%25.txt`],
    ["a*b.txt", `attachment; filename="a*b.txt"; filename*=UTF-8''a%2Ab.txt`],
    ["x\r\ny.txt", `attachment; filename="xy.txt"; filename*=UTF-8''xy.txt`],
  ])("%j", (name, header) => expect(contentDisposition(name)).toBe(header));
});

describe("looksLikeText", () => {
  it.each([
    ["fix.patch", "application/octet-stream", utf8("--- a/x\n+++ b/x\n"), true],
    ["poc.sh", "application/x-sh", utf8("#!/bin/sh\ncurl …\n"), true],
    ["server.log", "text/plain", utf8("ünïcödé\tok\r\n"), true],
    ["notes", "text/plain", utf8("plain"), true],
    ["index.html", "text/html", utf8("<script>alert(1)</script>"), true],
    ["image.png", "image/png", utf8("looks like text"), false],
    ["blob.bin", "application/octet-stream", utf8("text"), false],
    ["fake.txt", "text/plain", new Uint8Array([0x68, 0x00, 0x69]), false],
    ["latin1.txt", "text/plain", new Uint8Array([0x63, 0x61, 0x66, 0xe9]), false],
    ["big.log", "text/plain", new Uint8Array(MAX_PREVIEW_BYTES + 1).fill(0x61), false],
    ["edge.log", "text/plain", new Uint8Array(MAX_PREVIEW_BYTES).fill(0x61), true],
  ])("%s (%s)", (name, type, bytes, text) => expect(looksLikeText(name, type, bytes)).toBe(text));
});

describe("uploadProblem", () => {
  const f = (name: string, size: number) => ({ name, size });
  it.each([
    [[], null],
    [[f("a.txt", 100)], null],
    [[f("a.txt", 1000)], null],
    [[f("a.txt", 1001)], "a.txt is over the 1000 B limit for one file."],
    [[f("a", 1001), f("b", 2000), f("c", 1)], "a, b are over the 1000 B limit for one file."],
    [Array.from({ length: 10 }, (_, i) => f(`${i}`, 1)), null],
    [Array.from({ length: 11 }, (_, i) => f(`${i}`, 1)), "At most 10 files (you chose 11)."],
  ])("%j", (files, problem) => expect(uploadProblem(files, 1000)).toBe(problem));
});

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1024, "1 kB"],
    [1536, "1.5 kB"],
    [14_540, "14 kB"],
    [5 * 1024 * 1024, "5 MB"],
    [3 * 1024 ** 3, "3 GB"],
  ])("%d → %s", (n, text) => expect(formatBytes(n)).toBe(text));
});
