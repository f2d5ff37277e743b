import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/server/auth/actor";
import { SYSTEM } from "@/lib/server/auth/actor";
import { openDatabase } from "@/lib/server/infra/database";
import { db } from "@/lib/server/infra/db";
import { rekeyAll } from "@/lib/server/infra/rekey";
import { openReportBody } from "@/lib/server/infra/sealed";
import { receiveEmail } from "@/lib/server/mail/inbound";
import { listAttachments, readAttachment } from "@/lib/server/reports/attachments";
import { getReport } from "@/lib/server/reports/detail";
import { listReports } from "@/lib/server/reports/list";
import { postMessage } from "@/lib/server/reports/messages";
import { postReporterMessage } from "@/lib/server/status/reply";
import { getStatusView } from "@/lib/server/status/view";
import { createActor } from "@/tests/helpers/actors";
import { makeReport } from "@/tests/helpers/reports";

// Issue 15 §1: a copy of the database — pg_dump, or the embedded data
// folder's files — shows no report body, message, note, raw mail, attachment
// or outbox mail, and no status token; the app still shows them all and
// still finds them by their words.

const marker = (what: string) => `zq${what}${randomBytes(5).toString("hex")}`;
const M = {
  body: marker("body"),
  reply: marker("reply"),
  note: marker("note"),
  message: marker("message"),
  mailBody: marker("mailbody"),
  attachment: marker("attachment"),
};

let handler: Actor;
let key: string;
let token: string;
let mailedKey: string;

function mailWithAttachment(): Buffer {
  const boundary = "b-embargo-test";
  return Buffer.from(
    [
      "From: Ana Lima <ana@research.example>",
      "To: security@example.org",
      "Subject: Crash with a crafted header",
      `Message-ID: <enc-${randomBytes(4).toString("hex")}@mail.example>`,
      "MIME-Version: 1.0",
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      `Send the header and the worker exits. ${M.mailBody} is the word to look for.`,
      `--${boundary}`,
      'Content-Type: text/plain; name="poc.txt"',
      'Content-Disposition: attachment; filename="poc.txt"',
      "",
      `proof of concept ${M.attachment}`,
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
}

/** Every row of every table as PostgreSQL prints it (bytea as hex), one string. */
async function everyRowAsText(): Promise<string> {
  const tables = await db().$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await db().$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS "row" FROM "${name}" AS t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

/** What must never be found in a copy of the data: each marker as text and as bytea hex, and the token. */
function secrets(): string[] {
  return [...Object.values(M), ...Object.values(M).map((m) => Buffer.from(m).toString("hex")), token];
}

beforeAll(async () => {
  handler = await createActor("HANDLER", { name: "Hana" });
  const made = await makeReport({ title: "Header injection in res.set", body: `Inject a header. ${M.body} shows it.` });
  key = made.key;
  token = made.token;
  await postReporterMessage(token, { body: `A reply with ${M.reply} in it.` }, "127.0.0.9");
  await postMessage(handler, key, { body: `An internal note: ${M.note}.`, visibility: "internal" });
  await postMessage(handler, key, { body: `To the reporter: ${M.message}.`, visibility: "reporter" });
  const mailed = await receiveEmail(mailWithAttachment());
  mailedKey = mailed.key!;
});

describe(`encryption at rest (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("shows everything through the app, and finds each word with q", async () => {
    const report = await getReport(SYSTEM, key);
    expect(report.body).toContain(M.body);
    const bodies = report.timeline.map((e) => e.body ?? "").join("\n");
    for (const m of [M.reply, M.note, M.message]) expect(bodies).toContain(m);
    expect((await getStatusView(token)).messages.map((m) => m.body).join("\n")).toContain(M.reply);
    expect((await getReport(SYSTEM, mailedKey)).body).toContain(M.mailBody);
    const [file] = (await listAttachments(SYSTEM, mailedKey)).items;
    expect(file).toMatchObject({ filename: "poc.txt", stored: true, previewable: true });
    const bytes = (await readAttachment(SYSTEM, mailedKey, file!.id)).bytes;
    expect(Buffer.from(bytes).toString()).toContain(M.attachment);
    for (const [m, k] of [
      [M.body, key],
      [M.reply, key],
      [M.note, key],
      [M.message, key],
      [M.mailBody, mailedKey],
    ] as const) {
      expect((await listReports(handler, { q: m.toUpperCase() })).items.map((r) => r.key)).toEqual([k]);
    }
  });

  it("leaves no marker and no status token in any column of any table", async () => {
    const all = await everyRowAsText();
    expect(all).toContain(key);
    for (const secret of secrets()) expect(all).not.toContain(secret);
    // each encrypted column holds sealed values only
    const plain = await db().$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT count(*) FROM "Report" WHERE "body" NOT LIKE 'enc1:%')
           + (SELECT count(*) FROM "TimelineEvent" WHERE "body" NOT LIKE 'enc1:%')
           + (SELECT count(*) FROM "OutboundMail" WHERE "text" NOT LIKE 'enc1:%' OR "html" NOT LIKE 'enc1:%') AS n`;
    expect(Number(plain[0]!.n)).toBe(0);
  });

  it.runIf(!!process.env.DATABASE_URL)("leaves none in a pg_dump of the database", () => {
    const dump = execFileSync("pg_dump", ["--no-owner", "--dbname", process.env.DATABASE_URL!], {
      maxBuffer: 256 * 1024 * 1024,
    }).toString("latin1");
    expect(dump).toContain(key);
    for (const secret of secrets()) expect(dump).not.toContain(secret);
  });

  it.runIf(!process.env.DATABASE_URL)("leaves none in the embedded data folder's files", async () => {
    const pglite = openDatabase().pglite!;
    await pglite.query("CHECKPOINT");
    const files = Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()).toString("latin1");
    expect(files).toContain(key);
    for (const secret of secrets()) expect(files).not.toContain(secret);
  });

  it("binds each value to its row: a body copied to another report does not open", async () => {
    const other = await makeReport({ title: "Another report", body: "Something else" });
    await db().$executeRaw`
      UPDATE "Report" SET "body" = (SELECT "body" FROM "Report" WHERE "key" = ${key}) WHERE "key" = ${other.key}`;
    await expect(getReport(SYSTEM, other.key)).rejects.toThrow(/did not authenticate/);
  });

  it("seals plaintext left from before encryption at start, and indexes its words", async () => {
    const legacy = await makeReport({ title: "Legacy report", body: "placeholder" });
    const word = marker("legacy");
    await db().$executeRaw`
      UPDATE "Report" SET "body" = ${`Written before encryption: ${word}.`}, "bodyWords" = '{}' WHERE "key" = ${legacy.key}`;
    // a plaintext value still reads (read-through) until the start-up pass seals it
    expect((await getReport(SYSTEM, legacy.key)).body).toContain(word);
    const result = await rekeyAll();
    expect(result.sealed).toBe(1);
    const row = await db().report.findUniqueOrThrow({ where: { key: legacy.key } });
    expect(row.body).toMatch(/^enc1:/);
    expect(openReportBody(row)).toBe(`Written before encryption: ${word}.`);
    expect((await listReports(handler, { q: word })).items.map((r) => r.key)).toEqual([legacy.key]);
    expect((await rekeyAll()).sealed).toBe(0);
  });
});
