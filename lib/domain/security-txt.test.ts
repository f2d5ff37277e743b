import { describe, expect, it } from "vitest";

import { rfc9116Problems } from "@/tests/helpers/rfc9116";

import { EXPIRES_DAYS, languageTags, securityTxt, securityTxtExpires } from "./security-txt";

const now = new Date("2026-12-06T15:30:00Z");
const base = { address: "security@example.org", preferredLanguages: "en", encryption: null, now };

describe("securityTxt", () => {
  it("keeps every RFC 9116 rule on an https deployment, with the form, the policy and the canonical address", () => {
    const text = securityTxt({
      ...base,
      appUrl: "https://security.example.org",
      encryption: "https://example.org/key.asc",
    })!;
    expect(rfc9116Problems(text, now)).toEqual([]);
    expect(text).toContain("Contact: mailto:security@example.org\n");
    expect(text).toContain("Contact: https://security.example.org/report\n");
    expect(text).toContain("Policy: https://security.example.org/security\n");
    expect(text).toContain("Canonical: https://security.example.org/.well-known/security.txt\n");
    expect(text).toContain("Encryption: https://example.org/key.asc\n");
    expect(text).toContain("Expires: 2027-06-04T00:00:00Z\n");
  });

  it("lists no http:// address as a field on a plain-http deployment, only the mailbox", () => {
    const text = securityTxt({ ...base, appUrl: "http://localhost:3000", encryption: "http://example.org/key.asc" })!;
    expect(rfc9116Problems(text, now)).toEqual([]);
    expect(text).not.toMatch(/^(Policy|Canonical|Encryption|Contact): http:/m);
    expect(text).toContain("# The policy is at http://localhost:3000/security");
  });

  it("serves nothing when no contact can be listed", () => {
    expect(securityTxt({ ...base, address: null, appUrl: "http://localhost:3000" })).toBeNull();
    expect(securityTxt({ ...base, address: null, appUrl: "https://x.example" })).toContain(
      "Contact: https://x.example/report",
    );
  });

  it("renews Expires from the start of each day, always under a year ahead", () => {
    const expires = securityTxtExpires(now);
    expect(expires.toISOString()).toBe("2027-06-04T00:00:00.000Z");
    expect(expires.getTime() - now.getTime()).toBeLessThan(EXPIRES_DAYS * 86_400_000);
    expect(securityTxtExpires(new Date("2026-12-06T23:59:59Z"))).toEqual(expires);
  });

  it("keeps only well-formed language tags, once each", () => {
    expect(languageTags(" en, de-CH ,en, not a tag,fr")).toEqual(["en", "de-CH", "fr"]);
  });
});

describe("rfc9116Problems (the checker the tests use)", () => {
  it("names each broken rule", () => {
    const text =
      "Contact: http://x\nExpires: tomorrow\nExpires: 2020-01-01T00:00:00Z\nPreferred-Languages: en\nPreferred-Languages: 12\nbad line";
    expect(rfc9116Problems(text, now)).toEqual([
      "the last line does not end with a line break",
      'line 6 is neither a comment nor "Field: value": bad line',
      "Expires appears 2 times, not once",
      "Expires is not an RFC 3339 date-time: tomorrow",
      "Expires is not in the future: tomorrow",
      "Expires is not in the future: 2020-01-01T00:00:00Z",
      "Preferred-Languages appears more than once",
      "Preferred-Languages has a tag that is not RFC 5646: 12",
      "contact is a web URI that does not begin with https://",
    ]);
    expect(rfc9116Problems("Expires: 2026-12-07T00:00:00Z\n", now)).toEqual(["no Contact field"]);
  });
});
