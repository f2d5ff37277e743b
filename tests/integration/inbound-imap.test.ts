import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { GET as mailboxRoute } from "@/app/api/v1/inbound/mailbox/route";
import { parseImapUrl } from "@/lib/domain/imap-url";
import { db } from "@/lib/server/infra/db";
import { ImapReader } from "@/lib/server/mail/imap";
import type * as Inbound from "@/lib/server/mail/inbound";
import { getMailboxStatus } from "@/lib/server/mail/mailbox-state";
import { createApiToken } from "@/lib/server/users/api-tokens";
import { createActors } from "@/tests/helpers/actors";
import type { Dovecot } from "@/tests/helpers/dovecot";
import { startDovecot } from "@/tests/helpers/dovecot";

// The IMAP intake against a real Dovecot: every message goes through the same
// receiveEmail as the HTTP intake, and is moved to the done mailbox only once
// it is in the database. Stopping the reader or the server loses nothing, and
// the same bytes twice are one report.

// lets a test act right after a message is committed, before the reader moves it
const hooks = vi.hoisted(() => ({
  afterCommit: null as null | ((subject: string) => Promise<void>),
  failing: null as null | ((subject: string) => boolean),
}));
vi.mock("@/lib/server/mail/inbound", async (importOriginal) => {
  const real = await importOriginal<typeof Inbound>();
  return {
    ...real,
    receiveEmail: async (raw: Buffer) => {
      const subject = /^Subject: (.*)$/m.exec(raw.toString("utf8"))?.[1]?.trim() ?? "";
      if (hooks.failing?.(subject)) throw new Error("simulated outage while taking the mail in");
      const result = await real.receiveEmail(raw);
      const hook = hooks.afterCommit;
      hooks.afterCommit = null;
      await hook?.(subject);
      return result;
    },
  };
});

let dovecot: Dovecot;
let actors: Awaited<ReturnType<typeof createActors>>;
const readers: ImapReader[] = [];

beforeAll(async () => {
  [dovecot, actors] = await Promise.all([startDovecot(), createActors()]);
});
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.stop()));
  hooks.afterCommit = null;
  hooks.failing = null;
});
afterAll(async () => {
  await dovecot?.dispose();
});

function reader(extra: { leaseMs?: number } = {}): ImapReader {
  const r = new ImapReader({
    target: parseImapUrl(dovecot.url),
    doneMailbox: "Embargo",
    pollSeconds: 60,
    retryBaseMs: 200,
    reconnectBaseMs: 200,
    ...extra,
  });
  readers.push(r);
  r.start();
  return r;
}

let n = 0;
function mail(subject: string) {
  n++;
  return [
    `From: Reporter ${n} <reporter${n}@research.example>`,
    "To: security@example.org",
    `Subject: ${subject}`,
    `Message-ID: <imap-test-${n}-${Date.now()}@research.example>`,
    "Date: Sun, 06 Dec 2026 10:00:00 +0000",
    "Content-Type: text/plain; charset=utf-8",
    "",
    `Steps to reproduce ${subject}: send a crafted header and watch the worker exit.`,
    "",
  ].join("\r\n");
}

async function eventually(what: string, test: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const reports = (prefix: string) => db().report.count({ where: { title: { startsWith: prefix } } });
const inboxEmpty = async () => (await dovecot.count("INBOX")) === 0;

describe("IMAP intake", () => {
  it("takes three messages in as three reports and moves them to the done mailbox (created if missing)", async () => {
    expect(await dovecot.count("Embargo")).toBe(0);
    for (const i of [1, 2, 3]) await dovecot.append(mail(`Three at once ${i}`));
    reader();
    await eventually("three reports", async () => (await reports("Three at once")) === 3 && (await inboxEmpty()));
    expect(await dovecot.count("Embargo")).toBe(3);
    const rows = await db().inboundMessage.findMany({ where: { subject: { startsWith: "Three at once" } } });
    expect(rows.map((r) => r.status).sort()).toEqual(["CREATED", "CREATED", "CREATED"]);

    // the admin's view of the mailbox
    const status = await getMailboxStatus(actors.admin);
    expect(status).toMatchObject({ configured: false, reading: true, connected: true, idle: true, waiting: 0 });
    expect(status.taken).toBeGreaterThanOrEqual(3);
    expect(status.lastReadAt).toBeInstanceOf(Date);

    // the same through the API, for admins only
    const get = async (email: string) => {
      const { token } = await createApiToken(actors.admin, { email, name: `mailbox ${email}` });
      const req = new Request("http://localhost:3000/api/v1/inbound/mailbox", {
        headers: { authorization: `Bearer ${token}` },
      });
      return mailboxRoute(req, { params: Promise.resolve({}) });
    };
    const res = await get(actors.admin.user.email);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ connected: true, idle: true, doneMailbox: "Embargo", waiting: 0 });
    expect((await get(actors.handler.user.email)).status).toBe(403);
  });

  it("reads a message that arrived while it was stopped, and one that arrives while it waits (IDLE)", async () => {
    await dovecot.append(mail("Arrived while stopped"));
    const r = reader();
    await eventually("the waiting message", async () => (await reports("Arrived while stopped")) === 1);
    // now IDLE: a new message is read at once, well before the 60 s poll
    await new Promise((res) => setTimeout(res, 300));
    await dovecot.append(mail("Arrived while idle"));
    await eventually("the new message", async () => (await reports("Arrived while idle")) === 1, 10_000);
    await eventually("an empty inbox", inboxEmpty);
    await r.stop();
    expect((await getMailboxStatus(actors.admin)).reading).toBe(false);
  });

  it("makes one report of the same message appended twice, and moves both copies", async () => {
    const raw = mail("Appended twice");
    const before = await dovecot.count("Embargo");
    await dovecot.append(raw);
    await dovecot.append(raw);
    reader();
    await eventually("both copies moved", async () => (await dovecot.count("Embargo")) === before + 2);
    expect(await inboxEmpty()).toBe(true);
    expect(await reports("Appended twice")).toBe(1);
    expect(await db().inboundMessage.count({ where: { subject: "Appended twice" } })).toBe(1);
  });

  it("loses nothing when Dovecot stops mid-way (after the commit, before the move) and starts again", async () => {
    const before = await dovecot.count("Embargo");
    for (const i of [1, 2, 3]) await dovecot.append(mail(`Server restart ${i}`));
    hooks.afterCommit = async (subject) => {
      expect(subject).toBe("Server restart 1");
      await dovecot.stop();
    };
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    reader();
    await eventually("the first message committed", async () => (await reports("Server restart")) >= 1);
    await eventually("the reader to see the server gone", async () => {
      const s = await getMailboxStatus(actors.admin);
      return !s.connected && !!s.lastError;
    });
    await dovecot.start();
    await dovecot.append(mail("Server restart 4"));
    await eventually(
      "all four taken in",
      async () => (await reports("Server restart")) === 4 && (await inboxEmpty()),
      30_000,
    );
    spy.mockRestore();
    expect(await dovecot.count("Embargo")).toBe(before + 4);
    expect(await db().inboundMessage.count({ where: { subject: { startsWith: "Server restart" } } })).toBe(4);
  });

  it("leaves a message that fails in the inbox and tries it again with backoff, never twice", async () => {
    let attempts = 0;
    hooks.failing = (subject) => subject === "Fails twice" && ++attempts <= 2;
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    await dovecot.append(mail("Fails twice"));
    reader();
    await eventually("the first failure", async () => attempts >= 1);
    expect(await dovecot.count("INBOX")).toBe(1);
    await eventually("the third attempt to succeed", async () => (await reports("Fails twice")) === 1);
    await eventually("an empty inbox", inboxEmpty);
    spy.mockRestore();
    expect(attempts).toBe(3);
    const status = await getMailboxStatus(actors.admin);
    expect(status.failures).toBeGreaterThanOrEqual(2);
    expect(status.lastError).toContain("simulated outage");
  });

  it("lets one instance read at a time: a second waits for the lease, then takes over when the first stops", async () => {
    const first = reader({ leaseMs: 1_500 });
    await eventually("the first to connect", async () => (await getMailboxStatus(actors.admin)).connected);
    const second = reader({ leaseMs: 1_500 });
    await new Promise((res) => setTimeout(res, 1_000));
    expect((await getMailboxStatus(actors.admin)).holder).toBe(first.holder);
    await first.stop();
    await eventually("the second to take over", async () => {
      const s = await getMailboxStatus(actors.admin);
      return s.holder === second.holder && s.connected;
    });
    await dovecot.append(mail("Read by the second"));
    await eventually("the second to read", async () => (await reports("Read by the second")) === 1);
  });
});

describe("IMAP intake from a server without IDLE", () => {
  let plain: Dovecot;
  beforeAll(async () => {
    plain = await startDovecot({ idle: false });
  });
  afterAll(async () => {
    await plain?.dispose();
  });

  it("polls every IMAP_POLL_SECONDS instead", async () => {
    const r = new ImapReader({ target: parseImapUrl(plain.url), doneMailbox: "Done", pollSeconds: 1 });
    readers.push(r);
    r.start();
    await eventually("the reader to connect", async () => (await getMailboxStatus(actors.admin)).connected);
    expect((await getMailboxStatus(actors.admin)).idle).toBe(false);
    await plain.append(mail("Polled for"));
    await eventually("the next poll to read it", async () => (await reports("Polled for")) === 1, 10_000);
    await eventually("it to be moved", async () => (await plain.count("Done")) === 1);
  });
});
