import { describe, expect, it } from "vitest";

import { keyInAddress, keyInSubject, needsFullReport } from "./mail-body";

describe("needsFullReport", () => {
  it.each([
    ["", true],
    ["   \n\n", true],
    ["https://gist.example/abc", true],
    ["See https://gist.example/abc for details", true],
    ["Please find the report attached.", true],
    ["> quoted earlier mail that is long enough to have many many words in it\nhttps://x.example", true],
    [
      "The res.redirect() function accepts protocol-relative URLs, which lets an attacker send users to any host. Steps: …",
      false,
    ],
  ])("%j → %s", (body, expected) => expect(needsFullReport(body)).toBe(expected));
});

describe("keys in subjects and addresses", () => {
  it.each([
    ["Re: [SEC-2026-0042] Acknowledged: XSS", "SEC-2026-0042"],
    ["RE: AW: [SEC-2026-12345] x", "SEC-2026-12345"],
    ["SEC-2026-0042 without brackets", null],
    ["Hello", null],
  ])("subject %j → %s", (subject, key) => expect(keyInSubject(subject)).toBe(key));
  it.each([
    ["security+SEC-2026-0042@example.org", "SEC-2026-0042"],
    ["security+sec-2026-0042@example.org", "SEC-2026-0042"],
    ["security@example.org", null],
  ])("address %j → %s", (address, key) => expect(keyInAddress(address)).toBe(key));
});
