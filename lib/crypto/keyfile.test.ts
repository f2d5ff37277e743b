import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { addKeyToFile, keyFilePath, loadKeySource, parseKeyList } from "./keyfile";

const dir = () => mkdtempSync(path.join(tmpdir(), "embargo-keyfile-"));
const b64 = (fill: number) => Buffer.alloc(32, fill).toString("base64");

describe("where the key file lives", () => {
  it("defaults to beside the data folder, never inside it", () => {
    expect(keyFilePath({ DATA_DIR: "/srv/embargo/data" })).toBe("/srv/embargo/data.key");
    expect(keyFilePath({ DATA_DIR: "/srv/embargo/data", KEY_FILE: "/etc/embargo/key" })).toBe("/etc/embargo/key");
    expect(() => keyFilePath({ DATA_DIR: "/srv/embargo/data", KEY_FILE: "/srv/embargo/data/key" })).toThrow(
      /must not be inside DATA_DIR/,
    );
    expect(keyFilePath({ DATA_DIR: "memory://" })).toBeNull();
  });
});

describe("ENCRYPTION_KEY", () => {
  it("takes base64 keys of 32 bytes, the first one sealing", () => {
    const keys = parseKeyList(`${b64(1)}, ${b64(2)}`);
    expect(keys.map((k) => k.key[0])).toEqual([1, 2]);
    const source = loadKeySource({ ENCRYPTION_KEY: `${b64(1)},${b64(2)}`, DATA_DIR: "/nowhere" });
    expect(source.keys.current.id).toBe(keys[0]!.id);
    expect(source.keys.all.size).toBe(2);
    expect(source.file).toBeNull();
    // the session secret follows the sealing key, the same every time
    expect(source.sessionSecret).toBe(loadKeySource({ ENCRYPTION_KEY: b64(1) }).sessionSecret);
    expect(source.sessionSecret).not.toBe(loadKeySource({ ENCRYPTION_KEY: b64(2) }).sessionSecret);
  });

  it.each([["c2hvcnQ="], [" , "], [Buffer.alloc(33).toString("base64")]])("refuses %j", (value) => {
    expect(() => parseKeyList(value)).toThrow(/ENCRYPTION_KEY/);
  });
});

describe("the key file", () => {
  it("is made once with mode 0600, kept, and grows a key in front on rotation", () => {
    const file = path.join(dir(), "keys", "embargo.key");
    const first = loadKeySource({ KEY_FILE: file, DATA_DIR: "/srv/data" });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const again = loadKeySource({ KEY_FILE: file, DATA_DIR: "/srv/data" });
    expect(again.keys.current.id).toBe(first.keys.current.id);
    expect(again.sessionSecret).toBe(first.sessionSecret);
    const added = addKeyToFile(file);
    const rotated = loadKeySource({ KEY_FILE: file, DATA_DIR: "/srv/data" });
    expect(rotated.keys.current.id).toBe(added.id);
    expect([...rotated.keys.all.keys()]).toEqual([added.id, first.keys.current.id]);
    expect(rotated.sessionSecret).toBe(first.sessionSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("refuses a damaged file instead of making a new key", () => {
    const file = path.join(dir(), "embargo.key");
    loadKeySource({ KEY_FILE: file, DATA_DIR: "/srv/data" });
    const content = JSON.parse(readFileSync(file, "utf8")) as { keys: { key: string }[] };
    content.keys[0]!.key = b64(9);
    writeFileSync(file, JSON.stringify(content));
    expect(() => loadKeySource({ KEY_FILE: file, DATA_DIR: "/srv/data" })).toThrow(/damaged key/);
  });
});
