import { createHash, randomBytes } from "node:crypto";

import { expect, submitReport, test } from "./fixtures";

// Attachments through the running server: headers as a browser receives them
// (next.config.ts must not add its API-wide CSP to a download), uploads, and
// the team downloading a file from the report page.

const SECRET = "e2e-inbound-secret-0123456789";
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

function mailWith(name: string, bytes: Buffer) {
  return [
    "From: Ida Reporter <ida@example.org>",
    "To: security@example.org",
    "Subject: Crash with a crafted archive (sample attached)",
    `Message-ID: <e2e-att-${Date.now()}-${randomBytes(4).toString("hex")}@example.org>`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Unpacking the attached archive makes the server write outside its upload folder, every time.",
    "--b1",
    `Content-Type: text/html; name="${name}"`,
    `Content-Disposition: attachment; filename="${name}"`,
    "Content-Transfer-Encoding: base64",
    "",
    bytes.toString("base64"),
    "--b1--",
    "",
  ].join("\r\n");
}

test.describe("attachments over HTTP", () => {
  test("a mailed file is listed and downloads byte-identical, only as an attachment, only for the team", async ({
    api,
  }) => {
    const anon = await api(null);
    const html = Buffer.from("<script>alert(document.domain)</script>\n", "utf8");
    const res = await anon.post("/api/v1/inbound/email", {
      data: mailWith("page.html", html),
      headers: { "Content-Type": "message/rfc822", Authorization: `Bearer ${SECRET}` },
    });
    expect(res.status()).toBe(202);
    const { key } = (await res.json()) as { key: string };

    const viewer = await api("viewer");
    const listed = await viewer.get(`/api/v1/reports/${key}/attachments`);
    expect(listed.status()).toBe(200);
    const { items } = (await listed.json()) as { items: { id: string; filename: string; sha256: string }[] };
    expect(items).toEqual([
      expect.objectContaining({ filename: "page.html", size: html.length, sha256: sha(html), stored: true }),
    ]);

    const file = await viewer.get(`/api/v1/reports/${key}/attachments/${items[0]!.id}`);
    expect(file.status()).toBe(200);
    expect((await file.body()).equals(html)).toBe(true);
    const headers = file.headersArray();
    const all = (name: string) => headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
    expect(all("content-type")).toEqual(["application/octet-stream"]);
    expect(all("content-security-policy")).toEqual(["sandbox; default-src 'none'"]);
    expect(all("x-content-type-options")).toEqual(["nosniff"]);
    expect(all("content-disposition")).toEqual([`attachment; filename="page.html"; filename*=UTF-8''page.html`]);
    // the list itself keeps the API-wide policy
    expect(listed.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

    expect((await anon.get(`/api/v1/reports/${key}/attachments`)).status()).toBe(401);
    expect((await anon.get(`/api/v1/reports/${key}/attachments/${items[0]!.id}`)).status()).toBe(401);
    const other = await submitReport(anon);
    const wrong = await viewer.get(`/api/v1/reports/${other.key}/attachments/${items[0]!.id}`);
    expect(wrong.status()).toBe(404);
    expect(wrong.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
  });
});
