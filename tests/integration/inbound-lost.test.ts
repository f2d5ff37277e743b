import { beforeAll, describe, expect, it, vi } from "vitest";

import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { MAX_ATTEMPTS, rawSha256, receiveEmail } from "@/lib/server/mail/inbound";
import { retryReceivedMail } from "@/lib/server/mail/retry";
import { listUnparsedMail } from "@/lib/server/mail/unparsed";
import { getReport } from "@/lib/server/reports/detail";
import type * as Intake from "@/lib/server/reports/intake";
import { createActors } from "@/tests/helpers/actors";

// No stuck or lost mail: text is made storable, the same bytes are stored
// once, a reused Message-ID is kept and flagged, and a failing message is
// retried with backoff until it gives up as FAILED (listed for admins).

const failing = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/server/reports/intake", async (importOriginal) => {
  const real = await importOriginal<typeof Intake>();
  return {
    ...real,
    createReport: (...args: Parameters<typeof real.createReport>) => {
      if (failing.on) throw new Error("simulated crash while creating the report");
      return real.createReport(...args);
    },
  };
});

let actors: Awaited<ReturnType<typeof createActors>>;
beforeAll(async () => {
  actors = await createActors();
});

let n = 0;
function mail(opts: { subject?: string; id?: string | null; body?: string } = {}) {
  return Buffer.concat([
    Buffer.from(
      [
        "From: Ana Lima <ana@research.example>",
        "To: security@example.org",
        ...(opts.id === null ? [] : [`Message-ID: ${opts.id ?? `<lost-${Date.now()}-${++n}@mail.example>`}`]),
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "",
        opts.body ?? `Steps to reproduce the crash, number ${++n}: send a long header, watch the worker exit.`,
        "",
      ].join("\r\n"),
    ),
  ]).toString("latin1");
}
const withSubject = (subject: string, rest: string) => Buffer.from(`Subject: ${subject}\r\n${rest}`, "latin1");

async function rowOf(raw: Buffer) {
  return db().inboundMessage.findUniqueOrThrow({ where: { rawSha256: rawSha256(raw) } });
}

describe("no lost mail", () => {
  it("makes a report of a mail whose subject decodes to a NUL", async () => {
    const raw = withSubject("=?UTF-8?B?AA==?=", mail());
    const result = await receiveEmail(raw);
    expect(result.key).toMatch(/^SEC-/);
    const report = await getReport(SYSTEM, result.key!);
    expect(report.title).toBe("\uFFFD");
    expect((await rowOf(raw)).status).toBe("CREATED");
  });

  it("makes a report of a mail with invalid UTF-8 and NULs in its headers and body", async () => {
    const raw = Buffer.concat([
      Buffer.from("Subject: Crash \xff\xfe in parser\r\n", "latin1"),
      Buffer.from(
        mail({ body: "Body with a NUL \u0000 and a stray byte \xff: the parser crashes on every request." }),
        "latin1",
      ),
    ]);
    const result = await receiveEmail(raw);
    const report = await getReport(SYSTEM, result.key!);
    expect(report.body).toContain("the parser crashes");
    expect(report.body).not.toContain("\u0000");
  });

  it("stores a retry of the same bytes once, with or without a Message-ID", async () => {
    for (const id of [null, undefined]) {
      const raw = withSubject("Retry me", mail({ id }));
      const before = await db().report.count();
      const first = await receiveEmail(raw);
      const second = await receiveEmail(raw);
      expect(second).toEqual({ key: first.key, threaded: false, duplicate: true });
      expect(await db().report.count()).toBe(before + 1);
      expect(await db().inboundMessage.count({ where: { rawSha256: rawSha256(raw) } })).toBe(1);
    }
  });

  it("keeps and flags a different mail that reuses a Message-ID", async () => {
    const id = `<reused-${Date.now()}@mail.example>`;
    const first = await receiveEmail(withSubject("First report", mail({ id })));
    const otherRaw = withSubject("A different report", mail({ id }));
    const other = await receiveEmail(otherRaw);
    expect(other.key).toMatch(/^SEC-/);
    expect(other.key).not.toBe(first.key);
    expect(await rowOf(otherRaw)).toMatchObject({ status: "CREATED", reusedMessageId: true, messageId: id });
  });
});

describe("no stuck mail", () => {
  it("retries a message left RECEIVED by a crash and makes its report", async () => {
    const raw = withSubject("Left behind by a crash", mail());
    const row = await db().inboundMessage.create({
      data: { raw, sizeBytes: raw.length, rawSha256: rawSha256(raw), receivedAt: new Date(Date.now() - 10 * 60_000) },
    });
    expect(await retryReceivedMail()).toBeGreaterThanOrEqual(1);
    const after = await db().inboundMessage.findUniqueOrThrow({ where: { id: row.id }, include: { report: true } });
    expect(after.status).toBe("CREATED");
    expect(after.report?.title).toBe("Left behind by a crash");
  });

  it("retries a failing message with backoff, then moves it to FAILED with the error, listed for admins", async () => {
    failing.on = true;
    try {
      const raw = withSubject("Fails every time", mail());
      expect(await receiveEmail(raw)).toEqual({ key: null, threaded: false, retrying: true });
      let row = await rowOf(raw);
      expect(row).toMatchObject({
        status: "RECEIVED",
        attempts: 1,
        error: "simulated crash while creating the report",
      });
      // the mail system sending it again stores nothing new: the same row is tried once more
      expect(await receiveEmail(raw)).toMatchObject({ key: null, retrying: true });
      row = await rowOf(raw);
      expect(row.attempts).toBe(2);
      const wait = row.nextAttemptAt!.getTime() - Date.now();
      expect(wait).toBeGreaterThan(30_000);
      // not due yet: nothing happens
      await retryReceivedMail(new Date(Date.now() + 3 * 60_000 - 100_000));
      expect((await rowOf(raw)).attempts).toBe(2);
      let now = Date.now();
      for (let i = (await rowOf(raw)).attempts; i < MAX_ATTEMPTS; i++) {
        now += 2 * 3_600_000;
        await retryReceivedMail(new Date(now));
      }
      row = await rowOf(raw);
      expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
      await retryReceivedMail(new Date(now + 24 * 3_600_000));
      expect((await rowOf(raw)).attempts).toBe(MAX_ATTEMPTS);
      const listed = (await listUnparsedMail(actors.admin)).find((r) => r.id === row.id);
      expect(listed).toMatchObject({ status: "FAILED", error: "simulated crash while creating the report" });
    } finally {
      failing.on = false;
    }
  });
});
