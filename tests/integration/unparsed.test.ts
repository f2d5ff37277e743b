import { beforeAll, describe, expect, it } from "vitest";

import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { receiveEmail } from "@/lib/server/mail/inbound";
import { listUnparsedMail, rawMail, reportFromMail, reprocessMail } from "@/lib/server/mail/unparsed";
import { createProject } from "@/lib/server/projects/projects";
import { getReport } from "@/lib/server/reports/detail";
import { createActors } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";

// Settings → Unparsed mail: download the raw message, run intake on it again,
// or make a report of it by hand. The stored row is reused; nothing is lost.

let actors: Awaited<ReturnType<typeof createActors>>;
beforeAll(async () => {
  actors = await createActors();
  await createProject(SYSTEM, { slug: "widget", name: "Widget", packageName: "widget" });
});

let n = 0;
/** A mail without a usable From address: intake keeps it as unparsed. */
function noFrom(body = "The parser crashes on long input.") {
  return Buffer.from(
    [
      "From: undisclosed-recipients:;",
      "To: security@example.org",
      `Subject: Crash in widget ${++n}`,
      `Message-ID: <unparsed-${Date.now()}-${n}@mail.example>`,
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=utf-8",
      "",
      body,
      "--b",
      'Content-Type: text/x-python; name="poc.py"',
      'Content-Disposition: attachment; filename="poc.py"',
      "",
      "print('boom')",
      "--b--",
      "",
    ].join("\r\n"),
  );
}

async function unparsedId(raw: Buffer) {
  expect(await receiveEmail(raw)).toMatchObject({ key: null, unparsed: true });
  const row = await db().inboundMessage.findFirstOrThrow({ orderBy: { receivedAt: "desc" }, select: { id: true } });
  return row.id;
}

describe("unparsed mail, by an admin", () => {
  it("lists it and downloads the raw message byte for byte", async () => {
    const raw = noFrom();
    const id = await unparsedId(raw);
    expect((await listUnparsedMail(actors.admin)).map((r) => r.id)).toContain(id);
    const file = await rawMail(actors.admin, id);
    expect(file.filename).toBe(`inbound-${id}.eml`);
    expect(Buffer.compare(file.bytes, raw)).toBe(0);
  });

  it("reprocesses it: still unreadable, it stays unparsed on the same row", async () => {
    const id = await unparsedId(noFrom());
    const before = await db().inboundMessage.count();
    expect(await reprocessMail(actors.admin, id)).toMatchObject({ key: null, unparsed: true, status: "UNPARSED" });
    expect(await db().inboundMessage.count()).toBe(before);
    expect((await db().auditLog.findFirst({ where: { action: "inbound.reprocess", entityId: id } }))?.entityId).toBe(
      id,
    );
  });

  it("makes a report of it by hand, with the mail's text, attachments and arrival time", async () => {
    const id = await unparsedId(noFrom("Overflow in widget.parse() with 1 MB input."));
    const inbound = await db().inboundMessage.findUniqueOrThrow({ where: { id } });
    await db().inboundMessage.update({ where: { id }, data: { receivedAt: new Date(Date.now() - 3 * 3_600_000) } });

    const made = await reportFromMail(actors.admin, id, {
      title: "Overflow in widget.parse()",
      reporterEmail: "finder@research.example",
      reporterName: "Finder",
      project: "widget",
    });
    expect(made.statusUrl).toMatch(/\/status\//);
    const report = await getReport(actors.admin, made.key);
    expect(report).toMatchObject({ title: "Overflow in widget.parse()", project: { slug: "widget" } });
    expect(report.body).toContain("Overflow in widget.parse() with 1 MB input.");
    expect(Date.parse(report.receivedAt)).toBeLessThan(Date.now() - 2.9 * 3_600_000);
    expect(report.timeline.map((e) => e.kind)).toContain("made_from_mail");

    const row = await db().inboundMessage.findUniqueOrThrow({ where: { id }, include: { attachments: true } });
    expect(row).toMatchObject({ status: "CREATED", reportId: expect.any(String), sizeBytes: inbound.sizeBytes });
    expect(row.attachments.map((a) => a.filename)).toEqual(["poc.py"]);
    // the reporter gets the receipt with their status link
    const receipt = await db().outboundMail.findFirst({ where: { toAddr: "finder@research.example" } });
    expect(receipt?.template).toBe("received");
    // done: gone from the list, and a second report of it is refused
    expect((await listUnparsedMail(actors.admin)).map((r) => r.id)).not.toContain(id);
    await expectDomainError(
      reportFromMail(actors.admin, id, { title: "Again", reporterEmail: "finder@research.example" }),
      "conflict",
    );
    await expectDomainError(reprocessMail(actors.admin, id), "conflict");
  });

  it("refuses bad input, an unknown project, unknown ids and everyone but admins", async () => {
    const id = await unparsedId(noFrom());
    await expectDomainError(
      reportFromMail(actors.admin, id, { title: "", reporterEmail: "a@b.example" }),
      "bad_request",
    );
    await expectDomainError(
      reportFromMail(actors.admin, id, { title: "X", reporterEmail: "a@b.example", project: "nope" }),
      "bad_request",
      { project: "Unknown project" },
    );
    await expectDomainError(rawMail(actors.admin, "00000000-0000-0000-0000-000000000000"), "not_found");
    await expectDomainError(reprocessMail(actors.admin, "not-a-uuid"), "not_found");
    await expectDomainError(rawMail(actors.handler, id), "forbidden");
    await expectDomainError(reprocessMail(actors.viewer, id), "forbidden");
    await expectDomainError(
      reportFromMail(actors.handler, id, { title: "X", reporterEmail: "a@b.example" }),
      "forbidden",
    );
    await expectDomainError(listUnparsedMail(actors.handler), "forbidden");
  });
});

describe("mail stuck after an error", () => {
  it("is listed once it has waited, and reprocessing turns it into its report", async () => {
    const raw = Buffer.from(
      [
        "From: Ana <ana@research.example>",
        "To: security@example.org",
        "Subject: Stuck report",
        `Message-ID: <stuck-${Date.now()}@research.example>`,
        "",
        "A report whose first processing failed.",
      ].join("\r\n"),
    );
    // stored, then the process died before parsing (what a crash leaves behind)
    const { id } = await db().inboundMessage.create({
      data: { raw: new Uint8Array(raw), sizeBytes: raw.length, receivedAt: new Date(Date.now() - 10 * 60_000) },
    });
    const fresh = await db().inboundMessage.create({ data: { raw: new Uint8Array(raw), sizeBytes: raw.length } });
    const listed = (await listUnparsedMail(actors.admin)).map((r) => r.id);
    expect(listed).toContain(id);
    expect(listed).not.toContain(fresh.id); // may still be on its way
    await expectDomainError(reprocessMail(actors.admin, fresh.id), "conflict");

    const result = await reprocessMail(actors.admin, id);
    expect(result).toMatchObject({ threaded: false, status: "CREATED", key: expect.stringMatching(/^SEC-/) });
    expect((await getReport(actors.admin, result.key!)).title).toBe("Stuck report");
  });
});
