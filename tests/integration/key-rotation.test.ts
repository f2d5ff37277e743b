import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { associatedData, keysOf, makeKey, openBytes, openText, textPrefixOf } from "@/lib/crypto/envelope";
import { addKeyToFile, parseKeyFile } from "@/lib/crypto/keyfile";
import type { Actor } from "@/lib/server/auth/actor";
import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { keyring } from "@/lib/server/infra/keyring";
import { rekeyWhenKeyChanges, rotateKeys } from "@/lib/server/infra/rekey";
import { sealField } from "@/lib/server/infra/sealed";
import { receiveEmail } from "@/lib/server/mail/inbound";
import { readAttachment } from "@/lib/server/reports/attachments";
import { getReport } from "@/lib/server/reports/detail";
import { listReports } from "@/lib/server/reports/list";
import { postMessage } from "@/lib/server/reports/messages";
import { createActor } from "@/tests/helpers/actors";
import { makeReport } from "@/tests/helpers/reports";

// `keys rotate` while the app keeps writing: nothing is lost, every value
// ends under the new key, and the old key is no longer needed to read any.

// read by env() when the database is first opened (after this module loads)
const keyFile = path.join(mkdtempSync(path.join(tmpdir(), "embargo-keys-")), "embargo.key");
process.env.KEY_FILE = keyFile;

let handler: Actor;
const written = new Map<string, { body: string; notes: string[] }>();

async function writeReport(i: number): Promise<void> {
  const body = `Report ${i}: the parser loops on input number ${i} (word${i}rot).`;
  const { key } = await makeReport({ title: `Rotation report ${i}`, body });
  const note = `Note ${i} on ${key}`;
  await postMessage(handler, key, { body: note, visibility: i % 2 ? "internal" : "reporter" });
  written.set(key, { body, notes: [note] });
}

/** Every stored value of every encrypted column, opened with only the given keys (throws if one cannot be). */
async function openEverything(keys: ReturnType<typeof keysOf>): Promise<number> {
  let opened = 0;
  const texts = [
    ...(await db().report.findMany({ select: { id: true, body: true } })).map((r) => ["Report.body", r.id, r.body]),
    ...(await db().timelineEvent.findMany({ where: { body: { not: null } }, select: { id: true, body: true } })).map(
      (r) => ["TimelineEvent.body", r.id, r.body!],
    ),
    ...(await db().outboundMail.findMany({ select: { id: true, text: true, html: true } })).flatMap((r) => [
      ["OutboundMail.text", r.id, r.text],
      ...(r.html ? [["OutboundMail.html", r.id, r.html]] : []),
    ]),
  ];
  for (const [field, id, value] of texts) {
    expect(value).toMatch(/^enc1:/);
    openText(keys, associatedData(field!, id!), value!);
    opened++;
  }
  for (const r of await db().inboundMessage.findMany({ select: { id: true, raw: true } })) {
    openBytes(keys, associatedData("InboundMessage.raw", r.id), r.raw);
    opened++;
  }
  for (const r of await db().attachment.findMany({ select: { id: true, content: true } })) {
    if (r.content) openBytes(keys, associatedData("Attachment.content", r.id), r.content);
    opened++;
  }
  return opened;
}

const fileKeys = () => parseKeyFile(readFileSync(keyFile, "utf8"), keyFile).keys;

beforeAll(async () => {
  handler = await createActor("HANDLER", { name: "Hana" });
  for (let i = 0; i < 6; i++) await writeReport(i);
  await receiveEmail(
    Buffer.from(
      [
        "From: ana@research.example",
        "Subject: Mailed with a file",
        'Content-Type: multipart/mixed; boundary="b"',
        "",
        "--b",
        "Content-Type: text/plain",
        "",
        "The body of a mailed report.",
        "--b",
        'Content-Type: text/plain; name="log.txt"',
        'Content-Disposition: attachment; filename="log.txt"',
        "",
        "attached log lines",
        "--b--",
        "",
      ].join("\r\n"),
    ),
  );
});

describe(`keys rotate (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("makes the key file on first use, mode 0600, outside any data folder", () => {
    expect(fileKeys()).toHaveLength(1);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(keyring().current.id).toBe(fileKeys()[0]!.id);
  });

  it("re-encrypts everything in batches while reports keep arriving, losing nothing", async () => {
    const old = keyring().current.id;
    let writing = true;
    const writer = (async () => {
      for (let i = 100; writing || i < 106; i++) await writeReport(i);
    })();
    const result = await rotateKeys({ batch: 3 });
    writing = false;
    await writer;
    expect(result.added).not.toBe(old);
    expect(result.keyId).toBe(result.added);
    expect(result.left).toBe(0);
    expect(result.resealed).toBeGreaterThan(20);
    // the old key stays in the file (older backups need it); the new one seals
    expect(fileKeys().map((k) => k.id)).toEqual([result.added, old]);
    expect(keyring().current.id).toBe(result.added);
    // what was written during the rotation may still be under the old key only if it raced the last pass
    await rotateKeys({ batch: 50 }).then((again) => expect(again.left).toBe(0));

    // every report, message and note reads back as written
    for (const [key, { body, notes }] of written) {
      const report = await getReport(SYSTEM, key);
      expect(report.body).toBe(body);
      for (const note of notes) expect(report.timeline.map((e) => e.body)).toContain(note);
    }
    const mailed = (await listReports(handler, { q: "mailed report" })).items[0]!;
    const file = await db().attachment.findFirstOrThrow({ where: { report: { key: mailed.key } } });
    expect(Buffer.from((await readAttachment(SYSTEM, mailed.key, file.id)).bytes).toString()).toBe(
      "attached log lines",
    );
    // search still works: the blind index does not depend on the data key
    expect((await listReports(handler, { q: "word3rot" })).items).toHaveLength(1);
    // and no value needs any key but the newest
    const newest = fileKeys()[0]!;
    expect(await openEverything(keysOf([makeKey(Buffer.from(newest.key, "base64"))]))).toBeGreaterThan(40);
    const underOld = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Report" WHERE left("body", ${textPrefixOf(old).length}) = ${textPrefixOf(old)}`;
    expect(Number(underOld[0]!.n)).toBe(0);
  });

  it("a running server takes up a key another process added, and moves every value to it", async () => {
    await rekeyWhenKeyChanges(); // notes the key in use
    const before = keyring().current.id;
    const added = addKeyToFile(keyFile); // as `keys rotate` does from another process
    // the keyring looks at the file at most once a second
    await new Promise((r) => setTimeout(r, 1_100));
    expect(sealField("Report.body", "00000000-0000-7000-8000-000000000000", "x")).toMatch(
      new RegExp(`^${textPrefixOf(added.id)}`),
    );
    expect(before).not.toBe(added.id);
    await rekeyWhenKeyChanges();
    expect(await openEverything(keysOf([added]))).toBeGreaterThan(40);
  });
});
