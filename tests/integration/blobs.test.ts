import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { readBlob, readBlobs, swapBlob, writeBlob } from "@/lib/server/infra/blobs";
import { db } from "@/lib/server/infra/db";
import { newRowId } from "@/lib/server/infra/sealed";

// Large byte values go to and from the database as base64 (lib/server/infra/blobs.ts): they must come back
// byte for byte, whatever the bytes, and a compare-and-set rewrite must refuse a row that changed.

async function inboundRow(): Promise<string> {
  const id = newRowId();
  await db().inboundMessage.create({ data: { id, raw: new Uint8Array(0), sizeBytes: 0, rawSha256: id } });
  return id;
}

describe("blobs", () => {
  it("writes and reads several megabytes of arbitrary bytes unchanged", async () => {
    const id = await inboundRow();
    const bytes = randomBytes(3 * 1024 * 1024 + 7);
    expect(await writeBlob(db(), "InboundMessage.raw", id, bytes)).toBe(true);
    expect((await readBlob(db(), "InboundMessage.raw", id))!.equals(bytes)).toBe(true);
    // the same value as Prisma reads it, so both paths agree
    const row = await db().inboundMessage.findUniqueOrThrow({ where: { id }, select: { raw: true } });
    expect(Buffer.from(row.raw).equals(bytes)).toBe(true);
  });

  it("reads many rows at once, leaving out missing ones and nulls", async () => {
    const a = await inboundRow();
    const b = await inboundRow();
    await writeBlob(db(), "InboundMessage.raw", a, Buffer.from([0, 1, 2, 255]));
    await writeBlob(db(), "InboundMessage.raw", b, Buffer.alloc(0));
    const read = await readBlobs(db(), "InboundMessage.raw", [a, b, newRowId()]);
    expect([...read.keys()].sort()).toEqual([a, b].sort());
    expect([...read.get(a)!]).toEqual([0, 1, 2, 255]);
    expect(read.get(b)!.length).toBe(0);
    expect(await readBlobs(db(), "InboundMessage.raw", [])).toEqual(new Map());
    expect(await writeBlob(db(), "InboundMessage.raw", newRowId(), Buffer.from("x"))).toBe(false);
  });

  it("swaps only a row that still holds the value read", async () => {
    const id = await inboundRow();
    const first = Buffer.from("first value");
    await writeBlob(db(), "InboundMessage.raw", id, first);
    expect(await swapBlob(db(), "InboundMessage.raw", id, Buffer.from("not what is there"), Buffer.from("x"))).toBe(
      false,
    );
    expect((await readBlob(db(), "InboundMessage.raw", id))!.equals(first)).toBe(true);
    expect(await swapBlob(db(), "InboundMessage.raw", id, first, Buffer.from("second"))).toBe(true);
    expect((await readBlob(db(), "InboundMessage.raw", id))!.toString()).toBe("second");
  });
});
