import { createHash, randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { POST as reply } from "@/app/(public)/status/[token]/reply/route";
import { GET as download } from "@/app/api/v1/reports/[key]/attachments/[id]/route";
import { GET as list } from "@/app/api/v1/reports/[key]/attachments/route";
import { POST as submit } from "@/app/api/v1/reports/route";
import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { receiveEmail } from "@/lib/server/mail/inbound";
import { attachmentsForPage, listAttachments, readAttachment, saveAttachments } from "@/lib/server/reports/attachments";
import { getReport } from "@/lib/server/reports/detail";
import { createApiToken } from "@/lib/server/users/api-tokens";
import { createActors } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";
import { makeReport } from "@/tests/helpers/reports";

// a small cap, so an over-limit file is cheap to make (read once, on first use of env())
const CAP = 4096;
process.env.ATTACHMENT_MAX_BYTES = String(CAP);

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const patch = Buffer.from("--- a/lib/send.js\n+++ b/lib/send.js\n@@ -1 +1 @@\n-path\n+safePath\n", "utf8");
const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), randomBytes(1000)]);
const huge = randomBytes(CAP + 1);

function mailWith(files: { name: string; type: string; bytes: Buffer }[]) {
  const parts = files.map((f) =>
    [
      "--b1",
      `Content-Type: ${f.type}; name="${f.name}"`,
      `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      "Content-Transfer-Encoding: base64",
      "",
      f.bytes.toString("base64").replace(/.{76}/g, "$&\r\n"),
    ].join("\r\n"),
  );
  return Buffer.from(
    [
      "From: Ana Lima <ana@research.example>",
      "To: security@example.org",
      "Subject: Path traversal in send (files attached)",
      `Message-ID: <att-${randomBytes(6).toString("hex")}@mail.example>`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "The attached patch fixes a traversal through encoded dots in every send() call on Windows and Linux.",
      ...parts,
      "--b1--",
      "",
    ].join("\r\n"),
    "utf8",
  );
}

let key: string;
let bearer: string;
let actors: Awaited<ReturnType<typeof createActors>>;

const call = (path: string, params: object, auth: string | null = bearer) => {
  const req = new Request(`http://localhost:3000${path}`, { headers: auth ? { authorization: auth } : {} });
  const handler = "id" in params ? download : list;
  return handler(req, { params: Promise.resolve(params as { key: string; id: string }) });
};

beforeAll(async () => {
  actors = await createActors();
  const { token } = await createApiToken(actors.admin, { email: actors.viewer.user.email, name: "viewer script" });
  bearer = `Bearer ${token}`;
  const result = await receiveEmail(
    mailWith([
      { name: "fix-send.patch", type: "text/x-patch", bytes: patch },
      { name: "screenshot d'été.png", type: "image/png", bytes: binary },
      { name: "core.dump", type: "application/octet-stream", bytes: huge },
    ]),
  );
  key = result.key!;
});

describe("attachments of a mailed report", () => {
  it("lists each file with its size and hash; over the cap: stored false, name and hash only", async () => {
    const { items } = await listAttachments(actors.viewer, key);
    expect(items.map((i) => i.filename)).toEqual(["fix-send.patch", "screenshot d'été.png", "core.dump"]);
    expect(items[0]).toMatchObject({
      contentType: "text/x-patch",
      size: patch.length,
      sha256: sha(patch),
      stored: true,
      previewable: true,
    });
    expect(items[1]).toMatchObject({ size: binary.length, sha256: sha(binary), stored: true, previewable: false });
    expect(items[2]).toMatchObject({ size: CAP + 1, sha256: sha(huge), stored: false, previewable: false });
    for (const item of items) expect(Date.parse(item.receivedAt)).not.toBeNaN();
  });

  it("gives the report page the text of small text files only, decided by their bytes", async () => {
    const views = await attachmentsForPage(actors.viewer, key);
    expect(views.map((v) => [v.filename, v.preview])).toEqual([
      ["fix-send.patch", patch.toString("utf8")],
      ["screenshot d'été.png", null],
      ["core.dump", null],
    ]);
    const { key: other } = await makeReport({ title: "Markup in a text file" });
    const html = Buffer.from("<script>alert(1)</script>\n", "utf8");
    const fake = Buffer.concat([Buffer.from("log line\n"), Buffer.from([0]), randomBytes(64)]);
    const report = await db().report.findUniqueOrThrow({ where: { key: other }, select: { id: true } });
    await db().$transaction((tx) =>
      saveAttachments(tx, report.id, [
        { filename: "page.html", contentType: "text/html", bytes: new Uint8Array(html) },
        { filename: "server.log", contentType: "text/plain", bytes: new Uint8Array(fake) },
      ]),
    );
    // the markup comes back as the string it is (React escapes it); a "log" with a NUL byte is no preview
    expect((await attachmentsForPage(actors.viewer, other)).map((v) => v.preview)).toEqual([html.toString(), null]);
    await expectDomainError(attachmentsForPage(null, other), "unauthenticated");
  });

  it("downloads byte-identical with headers that never let a browser render it", async () => {
    const { items } = await listAttachments(actors.viewer, key);
    for (const [item, bytes] of [
      [items[0]!, patch],
      [items[1]!, binary],
    ] as const) {
      const res = await call(`/api/v1/reports/${key}/attachments/${item.id}`, { key, id: item.id });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      expect(res.headers.get("content-type")).toBe("application/octet-stream");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
      expect(res.headers.get("content-length")).toBe(String(bytes.length));
    }
    const res = await call(`/api/v1/reports/${key}/attachments/${items[1]!.id}`, { key, id: items[1]!.id });
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="screenshot d'_t_.png"; filename*=UTF-8''screenshot%20d%27%C3%A9t%C3%A9.png`,
    );
  });

  it("answers the list route in the contract's shape", async () => {
    const res = await call(`/api/v1/reports/${key}/attachments`, { key });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Record<string, unknown>[] };
    expect(Object.keys(body.items[0]!)).toEqual(
      expect.arrayContaining(["id", "filename", "contentType", "size", "sha256", "stored", "receivedAt"]),
    );
  });

  it("keeps the bytes of a file over the cap out of reach: 404 with the reason", async () => {
    const { items } = await listAttachments(actors.viewer, key);
    await expectDomainError(readAttachment(actors.viewer, key, items[2]!.id), "not_found", /over the size limit/);
    const res = await call(`/api/v1/reports/${key}/attachments/${items[2]!.id}`, { key, id: items[2]!.id });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("answers 404 for another report's attachment, an unknown id or a malformed one", async () => {
    const { items } = await listAttachments(actors.viewer, key);
    const other = await makeReport({ title: "Unrelated" });
    await expectDomainError(readAttachment(actors.handler, other.key, items[0]!.id), "not_found");
    await expectDomainError(readAttachment(actors.handler, key, "0192f000-0000-7000-8000-000000000000"), "not_found");
    await expectDomainError(readAttachment(actors.handler, key, "../../etc/passwd"), "not_found");
    await expectDomainError(listAttachments(actors.handler, "SEC-1999-9999"), "not_found");
    const res = await call(`/api/v1/reports/${other.key}/attachments/${items[0]!.id}`, {
      key: other.key,
      id: items[0]!.id,
    });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("safePath");
  });

  it("lets every team role read, and nobody else", async () => {
    const { items } = await listAttachments(SYSTEM, key);
    for (const actor of [actors.admin, actors.handler, actors.viewer])
      expect((await readAttachment(actor, key, items[0]!.id)).bytes).toHaveLength(patch.length);
    await expectDomainError(listAttachments(null, key), "unauthenticated");
    await expectDomainError(readAttachment(null, key, items[0]!.id), "unauthenticated");
    // (a request with no credential at all is answered by the session lookup, which needs a running server: e2e)
    expect((await call(`/api/v1/reports/${key}/attachments`, { key }, "Bearer emb_not-a-token")).status).toBe(401);
    const res = await call(`/api/v1/reports/${key}/attachments/${items[0]!.id}`, { key, id: items[0]!.id }, "Bearer x");
    expect(res.status).toBe(401);
  });

  it("records the files of a mailed reply in its timeline entry, by id and name", async () => {
    const reply = mailWith([{ name: "poc.sh", type: "application/x-sh", bytes: Buffer.from("#!/bin/sh\necho hi\n") }]);
    const text = reply.toString("utf8").replace(/^Subject: .*$/m, `Subject: Re: [${key}] more`);
    expect(await receiveEmail(Buffer.from(text, "utf8"))).toMatchObject({ key, threaded: true });
    const { items } = await listAttachments(actors.viewer, key);
    const added = items.find((i) => i.filename === "poc.sh")!;
    expect(added).toMatchObject({ stored: true, previewable: true });
    // (threaded by the key alone: a note for the team, with the files it brought)
    const message = (await getReport(actors.viewer, key)).timeline.find((e) => e.data?.via === "email");
    expect(message?.data).toMatchObject({ via: "email", attachments: [{ id: added.id, filename: "poc.sh" }] });
  });
});

describe("uploads", () => {
  const form = (fields: Record<string, string>, files: { name: string; type: string; bytes: Buffer }[]) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    for (const f of files) data.append("files", new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    return data;
  };
  const intake = (data: FormData) =>
    submit(new Request("http://localhost:3000/api/v1/reports", { method: "POST", body: data }), {
      params: Promise.resolve({}),
    });
  const fields = {
    title: "Upload: traversal in static()",
    body: "The attached script shows it.",
    reporterEmail: "upload@example.org",
  };

  it("takes a multipart report with its files: listed, downloadable byte-identical, named in the timeline", async () => {
    const res = await intake(
      form(fields, [
        { name: "poc.py", type: "text/x-python", bytes: Buffer.from("print('pwned')\n") },
        { name: "trace.bin", type: "", bytes: binary },
      ]),
    );
    expect(res.status).toBe(201);
    const { key: uploaded } = (await res.json()) as { key: string };
    const { items } = await listAttachments(actors.viewer, uploaded);
    expect(items).toMatchObject([
      { filename: "poc.py", contentType: "text/x-python", size: 15, stored: true, previewable: true },
      { filename: "trace.bin", contentType: "application/octet-stream", sha256: sha(binary), stored: true },
    ]);
    const file = await call(`/api/v1/reports/${uploaded}/attachments/${items[1]!.id}`, {
      key: uploaded,
      id: items[1]!.id,
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(binary)).toBe(true);
    expect(file.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    const report = await getReport(actors.viewer, uploaded);
    expect(report.body).toBe(fields.body);
    expect(report.timeline.find((e) => e.kind === "received")?.data).toMatchObject({
      source: "API",
      attachments: [
        { id: items[0]!.id, filename: "poc.py" },
        { id: items[1]!.id, filename: "trace.bin" },
      ],
    });
  });

  it("refuses an eleventh file or one over the limit with 413 and a field error, saving nothing", async () => {
    const before = await db().report.count();
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, type: "text/plain", bytes: patch }));
    const tooMany = await intake(form(fields, eleven));
    expect(tooMany.status).toBe(413);
    expect(await tooMany.json()).toEqual({
      error: { code: "too_large", message: "At most 10 files (you chose 11).", fields: { files: expect.any(String) } },
    });
    const tooBig = await intake(form(fields, [{ name: "core.dump", type: "", bytes: huge }]));
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { fields: object } }).error.fields).toEqual({
      files: "core.dump is over the 4 kB limit for one file.",
    });
    expect(await db().report.count()).toBe(before);

    const ten = await intake(form(fields, eleven.slice(0, 10)));
    expect(ten.status).toBe(201);
    const { key: tenKey } = (await ten.json()) as { key: string };
    expect((await listAttachments(actors.viewer, tenKey)).items).toHaveLength(10);
  });

  it("answers bad multipart fields as the JSON intake does", async () => {
    const res = await intake(form({ ...fields, reporterEmail: "not-an-address" }, []));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: object } }).error.fields).toHaveProperty("reporterEmail");
  });

  it("attaches files to a reporter's reply on the status page, and keeps the text when files are refused", async () => {
    const { key: mine, token } = await makeReport({ title: "Reply with files" });
    const post = (data: FormData) =>
      reply(new Request(`http://localhost:3000/status/${token}/reply`, { method: "POST", body: data }), {
        params: Promise.resolve({ token }),
      });
    const ok = await post(
      form({ body: "Here is the log you asked for." }, [{ name: "server.log", type: "text/plain", bytes: patch }]),
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/status/${token}?done=reply`);
    const { items } = await listAttachments(actors.viewer, mine);
    expect(items).toMatchObject([{ filename: "server.log", size: patch.length, stored: true }]);
    const message = (await getReport(actors.viewer, mine)).timeline.find(
      (e) => e.body === "Here is the log you asked for.",
    );
    expect(message).toMatchObject({
      kind: "message",
      visibility: "reporter",
      data: { attachments: [{ id: items[0]!.id, filename: "server.log" }] },
    });

    const refused = await post(form({ body: "And the core dump." }, [{ name: "core.dump", type: "", bytes: huge }]));
    expect(refused.status).toBe(303);
    const back = new URL(refused.headers.get("location")!, "http://localhost");
    expect(back.searchParams.get("done")).toBe("reply");
    expect(back.searchParams.get("error")).toMatch(/sent without its files.*core\.dump is over/);
    const after = await getReport(actors.viewer, mine);
    expect(after.timeline.some((e) => e.body === "And the core dump.")).toBe(true);
    expect((await listAttachments(actors.viewer, mine)).items).toHaveLength(1);
  });
});
