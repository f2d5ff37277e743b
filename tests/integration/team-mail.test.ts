import { readFileSync } from "node:fs";

import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { deliverOutbox } from "@/lib/server/mail/deliver";
import { receiveEmail } from "@/lib/server/mail/inbound";
import { importOsv } from "@/lib/server/osv/osv";
import { createProject } from "@/lib/server/projects/projects";
import { updateReport } from "@/lib/server/reports/update";
import { postReporterMessage } from "@/lib/server/status/reply";
import { createActor } from "@/tests/helpers/actors";
import { makeReport } from "@/tests/helpers/reports";
import { startSmtp } from "@/tests/helpers/smtp";

// Team mail through the outbox to a real SMTP peer: who gets what, and that
// no report body or reporter message ever travels in it.

const SECRET_BODY = "SECRET-BODY-7c1e: the exploit needs ../../etc/passwd";
const SECRET_REPLY = "SECRET-REPLY-41af: here is my proof of concept";

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let admin: Awaited<ReturnType<typeof createActor>>;
let hana: Awaited<ReturnType<typeof createActor>>;
let luis: Awaited<ReturnType<typeof createActor>>;
let quiet: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  smtp = await startSmtp();
  admin = await createActor("ADMIN", { email: "ada@example.com", name: "Ada" });
  hana = await createActor("HANDLER", { email: "hana@example.com", name: "Hana" });
  luis = await createActor("HANDLER", { email: "luis@example.com", name: "Luis" });
  quiet = await createActor("HANDLER", { email: "quiet@example.com", name: "Quiet" });
  await createActor("VIEWER", { email: "vera@example.com" });
  await db().user.update({ where: { id: quiet.user.id }, data: { mailNewReport: false } });
});
afterAll(async () => {
  await smtp.close();
});

/** Delivers what is due and returns the team mails that reached the peer, as [to, subject] pairs. */
async function deliveredTeamMail(): Promise<{ mails: ParsedMail[]; to: string[] }> {
  const before = smtp.received.length;
  await deliverOutbox({ smtpUrl: smtp.url, limit: 100 });
  const mails = smtp.received.slice(before).filter((m) => !/rae@example\.org|reporter@example\.net/.test(toOf(m)));
  return { mails, to: mails.map(toOf).sort() };
}

const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address ?? "";

function expectNoSecrets(mails: ParsedMail[]) {
  for (const mail of mails) {
    for (const part of [mail.text ?? "", String(mail.html || ""), mail.subject ?? ""]) {
      expect(part).not.toContain("SECRET-BODY");
      expect(part).not.toContain("SECRET-REPLY");
    }
  }
}

describe("team mail", () => {
  let key = "";
  let token = "";

  it("tells every admin and handler with new-report mail on of a new web report, without its body", async () => {
    ({ key, token } = await makeReport({ title: "Path traversal in static", body: SECRET_BODY }));
    const { mails, to } = await deliveredTeamMail();
    expect(to).toEqual(["ada@example.com", "hana@example.com", "luis@example.com"]);
    expectNoSecrets(mails);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`[${key}] New report: Path traversal in static`);
    expect(mail.text).toContain("A new report arrived through the web form.");
    expect(mail.text).toContain(`Report:  ${key}`);
    expect(mail.text).toContain("Project: none yet (Unsorted)");
    expect(mail.text).toContain(`http://localhost:3000/reports/${key}`);
    expect(mail.text).toContain("You get this mail because you are an admin or handler and new-report mail is on.");
    expect(mail.text).toContain("http://localhost:3000/account");
  });

  it("tells the new primary and backup of an assignment, not the one who made it", async () => {
    const { version } = await db().report.findUniqueOrThrow({ where: { key } });
    await updateReport(hana, key, { version, assignee: "luis@example.com", backup: "hana@example.com" });
    const { mails, to } = await deliveredTeamMail();
    expect(to).toEqual(["luis@example.com"]);
    expect(mails[0]!.subject).toBe(`[${key}] Assigned to you: Path traversal in static`);
    expect(mails[0]!.text).toContain("you are now the primary handler of this report");
    expectNoSecrets(mails);

    const report = await db().report.findUniqueOrThrow({ where: { key } });
    await updateReport(admin, key, { version: report.version, backup: "quiet@example.com" });
    const second = await deliveredTeamMail();
    expect(second.to).toEqual(["quiet@example.com"]);
    expect(second.mails[0]!.text).toContain("you are now the backup handler of this report");
  });

  it("tells the primary of a reporter's reply on the status page, without its text", async () => {
    await postReporterMessage(token, { body: SECRET_REPLY }, "test-client");
    const { mails, to } = await deliveredTeamMail();
    expect(to).toEqual(["luis@example.com"]);
    expect(mails[0]!.subject).toBe(`[${key}] The reporter replied: Path traversal in static`);
    expect(mails[0]!.text).toContain("The reporter replied on the status page.");
    expectNoSecrets(mails);
  });

  it("tells the new-report list of a mailed reply while nobody leads the report, and of a mailed report", async () => {
    const raw = (lines: string[], body: string) => Buffer.from([...lines, "", body, ""].join("\r\n"), "utf8");
    const created = await receiveEmail(
      raw(
        [
          "From: Rae Porter <reporter@example.net>",
          "To: security@example.org",
          "Subject: Header injection",
          "Message-ID: <first-1@example.net>",
          "Content-Type: text/plain; charset=utf-8",
        ],
        SECRET_BODY,
      ),
    );
    const first = await deliveredTeamMail();
    expect(first.to).toEqual(["ada@example.com", "hana@example.com", "luis@example.com"]);
    expect(first.mails[0]!.text).toContain("A new report arrived by e-mail.");
    expectNoSecrets(first.mails);

    const receipt = await db().outboundMail.findFirstOrThrow({
      where: { report: { key: created.key! }, template: "received" },
    });
    await receiveEmail(
      raw(
        [
          "From: Rae Porter <reporter@example.net>",
          "To: security@example.org",
          "Subject: Re: Header injection",
          "Message-ID: <reply-1@example.net>",
          `In-Reply-To: ${receipt.messageId}`,
          "Content-Type: text/plain; charset=utf-8",
        ],
        SECRET_REPLY,
      ),
    );
    const reply = await deliveredTeamMail();
    expect(reply.to).toEqual(["ada@example.com", "hana@example.com", "luis@example.com"]);
    expect(reply.mails[0]!.text).toContain("The reporter replied by e-mail.");
    expect(reply.mails[0]!.text).toContain("nobody leads this report yet");
    expectNoSecrets(reply.mails);
  });

  it("does not tell the importer of the report their OSV import created", async () => {
    await createProject(SYSTEM, { slug: "express", name: "Express", packageName: "express" });
    const advisory = JSON.parse(readFileSync("tests/fixtures/GHSA-qw6h-vgh9-j6wx.json", "utf8")) as object;
    const { created } = await importOsv(hana, advisory);
    expect(created).toBe(true);
    const { mails, to } = await deliveredTeamMail();
    expect(to).toEqual(["ada@example.com", "luis@example.com"]);
    expect(mails[0]!.text).toContain("A new report arrived from an OSV import.");
    expect(mails[0]!.text).toContain("Project: Express (express)");
  });

  it("mails nobody who switched a kind off, and no disabled member", async () => {
    await db().user.update({ where: { id: luis.user.id }, data: { mailNewReport: false } });
    await db().user.update({ where: { id: hana.user.id }, data: { disabled: true } });
    await makeReport({ title: "Quiet one" });
    expect((await deliveredTeamMail()).to).toEqual(["ada@example.com"]);
  });
});
