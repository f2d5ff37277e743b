import { describe, expect, it } from "vitest";

import { REDACTED_STATUS_LINK, keyInAddress, keyInSubject, needsFullReport, redactStatusLinks } from "./mail-body";

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

describe("redactStatusLinks", () => {
  const token = "A".repeat(21) + "-_" + "b9".repeat(10);
  it.each([
    [
      `Follow it here:\nhttps://sec.example.org/status/${token}\n\nThanks`,
      `Follow it here:\n${REDACTED_STATUS_LINK}\n\nThanks`,
    ],
    [`<a href="http://localhost:3000/status/${token}">link</a>`, `<a href="${REDACTED_STATUS_LINK}">link</a>`],
    ["No link here, only /status/short", "No link here, only /status/short"],
    [`Report: http://localhost:3000/reports/SEC-2026-0001`, `Report: http://localhost:3000/reports/SEC-2026-0001`],
  ])("%j", (text, expected) => {
    expect(redactStatusLinks(text)).toBe(expected);
    expect(redactStatusLinks(text)).not.toContain(token);
  });
});
