import { describe, expect, it } from "vitest";

import { describeImapTarget, parseImapUrl, reconnectDelayMs } from "./imap-url";

describe("parseImapUrl", () => {
  it.each([
    [
      "imaps with a port and folder",
      "imaps://security%40example.org:s3cret@mail.example.org:993/INBOX",
      {
        secure: true,
        host: "mail.example.org",
        port: 993,
        user: "security@example.org",
        pass: "s3cret",
        mailbox: "INBOX",
      },
    ],
    [
      "imaps without port or folder",
      "imaps://sec:pw@imap.fastmail.com",
      { secure: true, host: "imap.fastmail.com", port: 993, user: "sec", pass: "pw", mailbox: "INBOX" },
    ],
    [
      "imap on loopback, default port",
      "imap://embargo:pw@127.0.0.1/",
      { secure: false, host: "127.0.0.1", port: 143, user: "embargo", pass: "pw", mailbox: "INBOX" },
    ],
    [
      "an encoded password and a nested folder",
      "imaps://u:p%2Fa%3As%40s@h:1993/Lists%2Fsecurity",
      { secure: true, host: "h", port: 1993, user: "u", pass: "p/a:s@s", mailbox: "Lists/security" },
    ],
    [
      "an IPv6 literal",
      "imap://u:p@[::1]:10143/INBOX",
      { secure: false, host: "::1", port: 10143, user: "u", pass: "p", mailbox: "INBOX" },
    ],
  ])("%s", (_, url, expected) => {
    expect(parseImapUrl(url)).toEqual(expected);
  });

  it.each([
    ["not a URL", "mail.example.org"],
    ["another scheme", "pop3://u:p@h/INBOX"],
    ["no user", "imaps://mail.example.org/INBOX"],
  ])("refuses %s", (_, url) => {
    expect(() => parseImapUrl(url)).toThrow(/IMAP_URL/);
  });

  it("describes the mailbox without the password", () => {
    const text = describeImapTarget(parseImapUrl("imaps://sec%40x.org:hunter2@[2001:db8::1]:993/INBOX"));
    expect(text).toBe("sec@x.org@[2001:db8::1]:993/INBOX");
    expect(text).not.toContain("hunter2");
  });
});

describe("reconnectDelayMs", () => {
  it.each([
    [1, 2_000],
    [2, 4_000],
    [5, 32_000],
    [20, 300_000],
  ])("attempt %i waits %i ms", (attempt, ms) => {
    expect(reconnectDelayMs(attempt)).toBe(ms);
  });
});
