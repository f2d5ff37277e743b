import { describe, expect, it } from "vitest";

import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { loadAttachmentContents, loadInboundRaw, openMailBody } from "@/lib/server/infra/sealed";
import { receiveEmail } from "@/lib/server/mail/inbound";
import { getReport } from "@/lib/server/reports/detail";
import { postMessage } from "@/lib/server/reports/messages";
import { updateReport } from "@/lib/server/reports/update";
import { createActor } from "@/tests/helpers/actors";

const crlf = (s: string) => Buffer.from(s.replace(/\r?\n/g, "\r\n"), "latin1");
let n = 0;
const mid = () => `<test-${Date.now()}-${++n}@mail.example>`;

function plain(opts: { from?: string; subject?: string; body?: string; id?: string; headers?: string } = {}) {
  return Buffer.from(
    [
      `From: ${opts.from ?? "Ana Lima <ana@research.example>"}`,
      "To: security@example.org",
      `Subject: ${opts.subject ?? "Prototype pollution in qs"}`,
      `Message-ID: ${opts.id ?? mid()}`,
      "Date: Tue, 24 Nov 2026 10:00:00 +0000",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      ...(opts.headers ? [opts.headers] : []),
      "",
      opts.body ??
        "Passing ?__proto__[admin]=1 sets admin on every object. Steps: start the app, send the request, observe the flag. Versions 4.21.2 and 5.1.0 — ünïcödé ✓.",
      "",
    ].join("\r\n"),
    "utf8",
  );
}

describe("inbound e-mail", () => {
  it("turns a plain UTF-8 message into a report, keeping the raw bytes", async () => {
    const raw = plain();
    const result = await receiveEmail(raw);
    expect(result).toMatchObject({ threaded: false });
    const report = await getReport(SYSTEM, result.key!);
    expect(report).toMatchObject({
      title: "Prototype pollution in qs",
      status: "NEW",
      reporter: { email: "ana@research.example", name: "Ana Lima" },
    });
    expect(report.body).toContain("ünïcödé ✓");
    const stored = await db().inboundMessage.findFirstOrThrow({
      where: { report: { key: result.key! } },
      omit: { raw: false },
    });
    // kept sealed (lib/server/infra/sealed.ts), the same bytes once opened
    expect(Buffer.from(stored.raw).equals(raw)).toBe(false);
    expect((await loadInboundRaw(db(), stored.id))!.equals(raw)).toBe(true);
    expect(stored.status).toBe("CREATED");
    const receipt = await db().outboundMail.findFirstOrThrow({
      where: { report: { key: result.key! }, template: "received" },
    });
    expect(receipt.inReplyTo).toBe(stored.messageId);
  });

  it("reads HTML-only ISO-8859-1 quoted-printable mail with an encoded subject", async () => {
    const raw = crlf(`From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <jm@example.de>
To: security@example.org
Subject: =?ISO-8859-1?Q?Schwachstelle_in_res.sendFile()_f=FCr_Pfade?=
Message-ID: ${mid()}
MIME-Version: 1.0
Content-Type: text/html; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable

<html><body><p>Gr=FC=DFe,</p><p>res.sendFile() folgt symbolischen Links au=DFerhalb des Wurzelverzeichnisses. Schritte: Link anlegen, Datei anfragen, Inhalt lesen.</p><script>alert(1)</script></body></html>
`);
    const result = await receiveEmail(raw);
    const report = await getReport(SYSTEM, result.key!);
    expect(report.title).toBe("Schwachstelle in res.sendFile() für Pfade");
    expect(report.reporter).toEqual({ email: "jm@example.de", name: "Jürgen Müller" });
    expect(report.body).toContain("außerhalb des Wurzelverzeichnisses");
    expect(report.body).not.toContain("<p>");
  });

  it("keeps attachments of a base64 multipart message, never inline", async () => {
    const pdf = Buffer.from("%PDF-1.4 proof of concept").toString("base64");
    const raw = crlf(`From: poc@example.org
To: security@example.org
Subject: PoC attached
Message-ID: ${mid()}
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

${Buffer.from("The attached script crashes the server with a crafted Range header on every request it handles.").toString("base64")}
--b1
Content-Type: application/pdf; name="poc.pdf"
Content-Disposition: attachment; filename="poc.pdf"
Content-Transfer-Encoding: base64

${pdf}
--b1--
`);
    const result = await receiveEmail(raw);
    const report = await getReport(SYSTEM, result.key!);
    expect(report.body).toContain("crafted Range header");
    const files = await db().attachment.findMany({ where: { report: { key: result.key! } } });
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ filename: "poc.pdf", contentType: "application/pdf", size: 25 });
    const contents = await loadAttachmentContents(db(), [files[0]!.id]);
    expect(contents.get(files[0]!.id)!.toString()).toBe("%PDF-1.4 proof of concept");
  });

  it("threads a reply by In-Reply-To and by the key in the subject, and accepts a Message-ID once", async () => {
    const first = await receiveEmail(plain({ from: "rey@example.org", subject: "Header injection" }));
    await updateReport(SYSTEM, first.key!, { version: 1, status: "TRIAGE" });
    const ack = await db().outboundMail.findFirstOrThrow({
      where: { report: { key: first.key! }, template: "acknowledgment" },
    });

    const replyId = mid();
    const reply = plain({
      from: "Rey <rey@example.org>",
      subject: `Re: [${first.key}] Acknowledged: Header injection`,
      id: replyId,
      headers: `In-Reply-To: ${ack.messageId}\r\nReferences: ${ack.messageId}`,
      body: "Thanks! One more detail: it also works with \\n alone.\n\nOn Tue, Security wrote:\n> Thank you for your report.",
    });
    expect(await receiveEmail(reply)).toEqual({ key: first.key, threaded: true });
    const timeline = (await getReport(SYSTEM, first.key!)).timeline;
    const message = timeline.find((e) => e.body?.startsWith("Thanks! One more detail"));
    expect(message).toMatchObject({ visibility: "reporter", actor: "Rey" });
    expect(message!.body).not.toContain("Thank you for your report");

    // the same message again: accepted once
    const before = await db().report.count();
    expect(await receiveEmail(reply)).toMatchObject({ key: first.key, duplicate: true });
    expect(await db().report.count()).toBe(before);
    const again = (await getReport(SYSTEM, first.key!)).timeline;
    expect(again.filter((e) => e.body?.startsWith("Thanks!"))).toHaveLength(1);

    // by subject tag alone (a From header is easy to forge): threaded for the team, not shown as the reporter's
    expect(
      await receiveEmail(
        plain({ from: "rey@example.org", subject: `Re: [${first.key}] more`, body: "And a third note." }),
      ),
    ).toEqual({ key: first.key, threaded: true });
    const third = (await getReport(SYSTEM, first.key!)).timeline.find((e) => e.body === "And a third note.");
    expect(third).toMatchObject({ visibility: "internal", kind: "mail_note" });
    // a stranger naming the key starts a report of their own instead
    const stranger = await receiveEmail(
      plain({ from: "mallory@evil.example", subject: `Re: [${first.key}] give me the details` }),
    );
    expect(stranger.threaded).toBe(false);
    expect(stranger.key).not.toBe(first.key);
  });

  it("marks a mailed reply as the reporter's by who sent it, even under a handler's name (issue 14 §8)", async () => {
    const hana = await createActor("HANDLER", { name: "Hana Okafor" });
    const first = await receiveEmail(plain({ from: "Sam Reporter <sam@research.example>", subject: "XSS in views" }));
    await updateReport(hana, first.key!, { version: 1, status: "TRIAGE" });
    await postMessage(hana, first.key!, { body: "Which version did you test?", visibility: "reporter" });
    const ack = await db().outboundMail.findFirstOrThrow({
      where: { report: { key: first.key! }, template: "acknowledgment" },
    });
    const reply = plain({
      from: "Hana Okafor <sam@research.example>",
      subject: `Re: [${first.key}] Acknowledged`,
      headers: `In-Reply-To: ${ack.messageId}`,
      body: "Please ship the fix today, no need to wait.",
    });
    expect(await receiveEmail(reply)).toEqual({ key: first.key, threaded: true });
    const timeline = (await getReport(hana, first.key!)).timeline;
    const spoof = timeline.find((e) => e.body?.startsWith("Please ship the fix"));
    expect(spoof).toMatchObject({ actor: "Hana Okafor", actorType: "reporter", visibility: "reporter" });
    const ours = timeline.find((e) => e.body === "Which version did you test?");
    expect(ours).toMatchObject({ actor: "Hana Okafor", actorType: "team", visibility: "reporter" });
    // every entry says who acted; only the reporter's own messages are the reporter's
    expect(timeline.every((e) => ["team", "reporter", "system"].includes(e.actorType))).toBe(true);
    expect(timeline.filter((e) => e.kind === "message" && e.actorType === "reporter")).toHaveLength(1);
  });

  it("flags a report that is only a link, and the acknowledgment asks for the full report", async () => {
    const result = await receiveEmail(plain({ subject: "vuln", body: "https://gist.example/abc123" }));
    const row = await db().report.findUniqueOrThrow({ where: { key: result.key! } });
    expect(row.needsFullReport).toBe(true);
    await updateReport(SYSTEM, result.key!, { version: 1, status: "TRIAGE" });
    const ack = await db().outboundMail.findFirstOrThrow({ where: { reportId: row.id, template: "acknowledgment" } });
    expect(openMailBody(ack).text).toContain("whole report in the e-mail body");
  });

  it("keeps garbage as unparsed mail and answers without error", async () => {
    const result = await receiveEmail(Buffer.from([0, 1, 2, 3, 255, 254, 10, 13, 10, 0x41]));
    expect(result).toEqual({ key: null, threaded: false, unparsed: true });
    expect(await db().inboundMessage.count({ where: { status: "UNPARSED" } })).toBeGreaterThanOrEqual(1);
  });
});
