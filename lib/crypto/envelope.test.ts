import { describe, expect, it } from "vitest";

import {
  EnvelopeError,
  associatedData,
  isSealedBytes,
  isSealedText,
  keysOf,
  makeKey,
  newKey,
  openBytes,
  openText,
  sealBytes,
  sealText,
  sealedKeyId,
} from "./envelope";

const k1 = newKey();
const k2 = newKey();
const ad = associatedData("Report.body", "0193f0c2-1111-7000-8000-000000000001");
const otherRow = associatedData("Report.body", "0193f0c2-1111-7000-8000-000000000002");

const reasonOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof EnvelopeError) return e.reason;
    throw e;
  }
  return "opened";
};

/** flips one bit at `at` of a sealed text's payload */
function flip(sealed: string, at: number): string {
  const [p, id, data] = sealed.split(":");
  const bytes = Buffer.from(data!, "base64url");
  bytes[at < 0 ? bytes.length + at : at]! ^= 1;
  return `${p}:${id}:${bytes.toString("base64url")}`;
}

describe("sealed text", () => {
  it("round-trips, marks the key id and never shows the plaintext", () => {
    const keys = keysOf([k1]);
    const sealed = sealText(keys, ad, "Secret exploit: ünïcode ✓");
    expect(isSealedText(sealed)).toBe(true);
    expect(sealedKeyId(sealed)).toBe(k1.id);
    expect(sealed).not.toContain("exploit");
    expect(openText(keys, ad, sealed)).toBe("Secret exploit: ünïcode ✓");
    // a fresh IV each time
    expect(sealText(keys, ad, "same")).not.toBe(sealText(keys, ad, "same"));
    expect(openText(keys, ad, sealText(keys, ad, ""))).toBe("");
  });

  it.each([
    [
      "a wrong key with the same id",
      () => openText(keysOf([{ id: k1.id, key: k2.key }]), ad, sealText(keysOf([k1]), ad, "x")),
      "authentication",
    ],
    [
      "another row's associated data",
      () => openText(keysOf([k1]), otherRow, sealText(keysOf([k1]), ad, "x")),
      "authentication",
    ],
    [
      "another column's associated data",
      () =>
        openText(
          keysOf([k1]),
          associatedData("OutboundMail.text", "0193f0c2-1111-7000-8000-000000000001"),
          sealText(keysOf([k1]), ad, "x"),
        ),
      "authentication",
    ],
    [
      "a tampered tag",
      () => openText(keysOf([k1]), ad, flip(sealText(keysOf([k1]), ad, "hello"), 12)),
      "authentication",
    ],
    [
      "a tampered ciphertext",
      () => openText(keysOf([k1]), ad, flip(sealText(keysOf([k1]), ad, "hello"), -1)),
      "authentication",
    ],
    ["an unknown key id", () => openText(keysOf([k2]), ad, sealText(keysOf([k1]), ad, "x")), "unknown_key"],
    ["a truncated value", () => openText(keysOf([k1]), ad, `enc1:${k1.id}:AAAA`), "malformed"],
    ["a value without its payload", () => openText(keysOf([k1]), ad, `enc1:${k1.id}`), "malformed"],
  ])("refuses %s", (_name, attempt, reason) => {
    expect(reasonOf(attempt)).toBe(reason);
  });

  it("opens values of every key in the ring, and seals with the first", () => {
    const old = sealText(keysOf([k1]), ad, "old");
    const both = keysOf([k2, k1]);
    expect(openText(both, ad, old)).toBe("old");
    expect(sealedKeyId(sealText(both, ad, "new"))).toBe(k2.id);
  });

  it("passes unmarked legacy plaintext through unchanged", () => {
    expect(isSealedText("Plain body from before")).toBe(false);
    expect(sealedKeyId("Plain body from before")).toBeNull();
    expect(openText(keysOf([k1]), ad, "Plain body from before")).toBe("Plain body from before");
  });
});

describe("sealed bytes", () => {
  it("round-trips binary content and marks the key id", () => {
    const keys = keysOf([k1]);
    const plain = Buffer.from([0, 1, 2, 255, 0x45, 0x4d]);
    const sealed = sealBytes(keys, ad, plain);
    expect(isSealedBytes(sealed)).toBe(true);
    expect(sealedKeyId(sealed)).toBe(k1.id);
    expect(openBytes(keys, ad, sealed).equals(plain)).toBe(true);
    expect(openBytes(keys, ad, new Uint8Array(sealed)).equals(plain)).toBe(true);
  });

  it("refuses another row, a tampered tag and an unknown key", () => {
    const sealed = sealBytes(keysOf([k1]), ad, Buffer.from("raw mail"));
    expect(reasonOf(() => openBytes(keysOf([k1]), otherRow, sealed))).toBe("authentication");
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 20]! ^= 1;
    expect(reasonOf(() => openBytes(keysOf([k1]), ad, tampered))).toBe("authentication");
    expect(reasonOf(() => openBytes(keysOf([k2]), ad, sealed))).toBe("unknown_key");
  });

  it("passes legacy bytes through, including a raw mail", () => {
    const raw = Buffer.from("From: a@b\r\n\r\nhello");
    expect(isSealedBytes(raw)).toBe(false);
    expect(openBytes(keysOf([k1]), ad, raw).equals(raw)).toBe(true);
    expect(openBytes(keysOf([k1]), ad, Buffer.alloc(0)).length).toBe(0);
  });
});

describe("keys", () => {
  it("derives a stable id from the key and takes only 32-byte keys", () => {
    const bytes = Buffer.alloc(32, 7);
    expect(makeKey(bytes).id).toBe(makeKey(Buffer.alloc(32, 7)).id);
    expect(makeKey(bytes).id).toMatch(/^[0-9a-f]{12}$/);
    expect(() => makeKey(Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(() => keysOf([])).toThrow();
  });
});
