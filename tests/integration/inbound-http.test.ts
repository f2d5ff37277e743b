import { PGlite } from "@electric-sql/pglite";
import type * as MailParser from "mailparser";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { describe, expect, it, vi } from "vitest";

import { POST } from "@/app/api/v1/inbound/email/route";
import { openDatabase } from "@/lib/server/infra/database";
import { db } from "@/lib/server/infra/db";
import { rawSha256 } from "@/lib/server/mail/inbound";
import { withIntakeSlot } from "@/lib/server/mail/intake-limit";

// POST /api/v1/inbound/email answers the mail system truthfully: 4xx for what
// a retry cannot fix, 503 with Retry-After while the database is unavailable
// (the retry then makes one report), and at most INBOUND_CONCURRENCY at once.

const SECRET = vi.hoisted(() => {
  const secret = "inbound-secret-for-tests-0123456789";
  process.env.INBOUND_EMAIL_SECRET = secret;
  process.env.INBOUND_CONCURRENCY = "2";
  return secret;
});

// stops the database at a chosen point: after the raw mail is stored, before it is processed
const outage = vi.hoisted(() => ({ stop: null as null | (() => Promise<void>) }));
vi.mock("mailparser", async (importOriginal) => {
  const real = await importOriginal<typeof MailParser>();
  return {
    ...real,
    simpleParser: async (...args: Parameters<typeof real.simpleParser>) => {
      const parsed = await real.simpleParser(...args);
      const stop = outage.stop;
      outage.stop = null;
      await stop?.();
      return parsed;
    },
  };
});

const post = (body: BodyInit, secret = SECRET, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://localhost:3000/api/v1/inbound/email", {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "message/rfc822", ...headers },
      body,
    }),
    { params: Promise.resolve({}) },
  );

let n = 0;
const mail = (subject = `Crash in the parser ${++n}`) =>
  Buffer.from(
    [
      "From: Ana Lima <ana@research.example>",
      "To: security@example.org",
      `Subject: ${subject}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Sending a long header crashes the worker: start it, send the header, watch it exit.",
      "",
    ].join("\r\n"),
  );

describe("permanent failures are 4xx", () => {
  it("401 for a wrong secret, 400 for what is not a mail, 413 for too large; nothing stored", async () => {
    const before = await db().inboundMessage.count();
    expect((await post(mail(), "wrong-secret-wrong-secret")).status).toBe(401);
    expect((await post('{"from":"a@b.example"}')).status).toBe(400);
    expect((await post("")).status).toBe(400);
    const big = Buffer.concat([mail(), Buffer.alloc(25 * 1024 * 1024 + 1, 0x61)]);
    expect((await post(big)).status).toBe(413);
    // a lying Content-Length is caught while streaming, too
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 27; i++) c.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
        c.close();
      },
    });
    const streamed = await POST(
      new Request("http://localhost:3000/api/v1/inbound/email", {
        method: "POST",
        headers: { authorization: `Bearer ${SECRET}` },
        body: stream,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(streamed.status).toBe(413);
    expect(await db().inboundMessage.count()).toBe(before);
    const ok = await post(mail());
    expect(ok.status).toBe(202);
    expect((await ok.json()).key).toMatch(/^SEC-/);
  });
});

describe("the database stopped mid-intake", () => {
  it("answers 503 with Retry-After, and the retried mail becomes one report", async () => {
    const url = process.env.DATABASE_URL;
    let restart: () => Promise<void>;
    if (url) {
      // PostgreSQL: refuse new connections and end the open ones, as a restart or failover does
      const name = new URL(url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: new URL("/postgres", url).toString() });
      await admin.connect();
      outage.stop = async () => {
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      };
      restart = async () => {
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
        await admin.end();
      };
    } else {
      // PGlite: close the embedded database (its data kept aside), then open it again
      const pglite = (openDatabase().factory as unknown as { client: PGlite }).client;
      let saved: File | Blob | undefined;
      outage.stop = async () => {
        saved = await pglite.dumpDataDir("none");
        await pglite.close();
      };
      restart = async () => {
        const fresh = new PGlite({ loadDataDir: saved });
        const store = globalThis as unknown as { __embargoDatabase?: unknown; __embargoPrisma?: unknown };
        store.__embargoDatabase = { kind: "embedded", factory: new PrismaPGlite(fresh), close: () => fresh.close() };
        store.__embargoPrisma = undefined;
      };
    }
    const raw = mail("Reported while the database restarts");
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const down = await post(raw);
    spy.mockRestore();
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect((await down.json()).error.code).toBe("unavailable");

    await restart();
    const again = await post(raw);
    expect(again.status).toBe(202);
    const { key } = (await again.json()) as { key: string };
    expect(key).toMatch(/^SEC-/);
    const rows = await db().inboundMessage.findMany({ where: { rawSha256: rawSha256(raw) } });
    expect(rows).toHaveLength(1);
    expect(await db().report.count({ where: { title: "Reported while the database restarts" } })).toBe(1);
    // and once more: the same answer, nothing new
    expect(await (await post(raw)).json()).toMatchObject({ key, duplicate: true });
  });
});

describe("at most INBOUND_CONCURRENCY mails at once", () => {
  it("queues the rest, and answers 503 to one that waited too long", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const a = withIntakeSlot(() => held.then(() => order.push("a")));
    const b = withIntakeSlot(() => held.then(() => order.push("b")));
    const c = withIntakeSlot(async () => order.push("c"), 5_000);
    await expect(withIntakeSlot(async () => "late", 50)).rejects.toMatchObject({ code: "unavailable" });
    expect(order).toEqual([]);
    release();
    await Promise.all([a, b, c]);
    expect(order).toEqual(["a", "b", "c"]);
    expect(await withIntakeSlot(async () => "free again")).toBe("free again");
  });
});
