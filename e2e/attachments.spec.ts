import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

import { axeFindings } from "./a11y-check";
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

type Listed = { items: { id: string; filename: string; size: number; sha256: string; stored: boolean }[] };

test.describe("uploads from the public pages", () => {
  test("a reporter attaches files on the form; the team downloads them byte-identical from the report page", async ({
    page,
    api,
    browser,
  }) => {
    const script = Buffer.from("#!/bin/sh\ncurl -s 'http://localhost:3000/%2e%2e/%2e%2e/etc/passwd'\n", "utf8");
    const dump = randomBytes(300 * 1024);
    await page.goto("/report");
    await page.getByLabel("Title").fill("Traversal through encoded dots (files attached)");
    await page
      .getByLabel("Description")
      .fill("Run the attached script against a default app; the dump is the response.");
    await page.getByLabel("Your e-mail").fill("files@example.org");

    // too large: said at once, and the form is not sent
    await page
      .getByLabel("Attachments")
      .setInputFiles([
        { name: "huge.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(5 * 1024 * 1024 + 1) },
      ]);
    await expect(page.getByText("huge.bin is over the 5 MB limit for one file.")).toBeVisible();
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByTestId("report-submitted")).toHaveCount(0);

    await page.getByLabel("Attachments").setInputFiles([
      { name: "poc.sh", mimeType: "application/x-sh", buffer: script },
      { name: "response dump.bin", mimeType: "application/octet-stream", buffer: dump },
    ]);
    await expect(page.getByTestId("chosen-files")).toContainText("response dump.bin (300 kB)");
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByTestId("report-submitted")).toBeVisible();
    const key = (await page.getByTestId("report-submitted").locator(".font-mono").first().textContent())!;

    const handler = await api("handler");
    const { items } = (await (await handler.get(`/api/v1/reports/${key}/attachments`)).json()) as Listed;
    expect(items.map((i) => [i.filename, i.size, i.sha256, i.stored])).toEqual([
      ["poc.sh", script.length, sha(script), true],
      ["response dump.bin", dump.length, sha(dump), true],
    ]);
    const file = await handler.get(`/api/v1/reports/${key}/attachments/${items[1]!.id}`);
    expect((await file.body()).equals(dump)).toBe(true);

    // the report page: name, size, hash, a download; the script's text shown escaped, the dump not previewed
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ storageState: "e2e/.state/handler.storage.json", colorScheme });
      const team = await context.newPage();
      await team.goto(`/reports/${key}`);
      const rows = team.getByTestId("attachment");
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(1)).toContainText("response dump.bin");
      await expect(rows.nth(1)).toContainText("300 kB");
      await expect(rows.nth(1)).toContainText(`SHA-256 ${sha(dump)}`);
      await expect(rows.nth(1).getByText("Show the text")).toHaveCount(0);
      await rows.nth(0).getByText("Show the text").click();
      await expect(rows.nth(0).getByTestId("attachment-preview")).toHaveText(script.toString("utf8"));
      expect(await axeFindings(team, `report page with attachments (${colorScheme})`)).toMatchObject({ count: 0 });
      if (colorScheme === "light") {
        const [download] = await Promise.all([
          team.waitForEvent("download"),
          rows
            .nth(1)
            .getByRole("link", { name: /response dump\.bin/ })
            .click(),
        ]);
        expect(download.suggestedFilename()).toBe("response dump.bin");
        expect(readFileSync(await download.path()).equals(dump)).toBe(true);
        const [patchDownload] = await Promise.all([
          team.waitForEvent("download"),
          rows
            .nth(0)
            .getByRole("link", { name: /poc\.sh/ })
            .click(),
        ]);
        expect(readFileSync(await patchDownload.path()).equals(script)).toBe(true);
      }
      await context.close();
    }
  });

  test("without JavaScript, the form and the status page's reply take files too", async ({ browser, api }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const log = Buffer.from("GET /..%2f..%2fetc/passwd 200\n", "utf8");
    await page.goto("/report");
    await page.getByLabel("Title").fill("No-JS upload");
    await page.getByLabel("Description").fill("Sent from a browser without JavaScript, with a log.");
    await page.getByLabel("Your e-mail").fill("nojs-files@example.org");
    await page.getByLabel("Attachments").setInputFiles([{ name: "access.log", mimeType: "text/plain", buffer: log }]);
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByTestId("report-submitted")).toBeVisible();
    const key = (await page.getByTestId("report-submitted").locator(".font-mono").first().textContent())!;
    const statusPath = new URL((await page.getByTestId("status-link").textContent())!).pathname;

    await page.goto(statusPath);
    await page.getByLabel("Reply to the security team").fill("And the matching error log.");
    await page
      .getByLabel("Files (optional)")
      .setInputFiles([{ name: "error.log", mimeType: "text/plain", buffer: Buffer.from("ENOENT /etc/shadow\n") }]);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByText("Sent. The security team has been notified.")).toBeVisible();
    await expect(page.getByText("And the matching error log.")).toBeVisible();

    // a file over the limit: the text still arrives, the page says the files did not
    await page.getByLabel("Reply to the security team").fill("Here is the full capture.");
    await page
      .getByLabel("Files (optional)")
      .setInputFiles([
        { name: "capture.pcap", mimeType: "application/vnd.tcpdump.pcap", buffer: Buffer.alloc(5 * 1024 * 1024 + 1) },
      ]);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("alert")).toContainText("Your reply was sent without its files.");
    await expect(page.getByRole("alert")).toContainText("capture.pcap is over the 5 MB limit");
    await expect(page.getByText("Here is the full capture.")).toBeVisible();
    await context.close();

    const handler = await api("handler");
    const { items } = (await (await handler.get(`/api/v1/reports/${key}/attachments`)).json()) as Listed;
    expect(items.map((i) => i.filename)).toEqual(["access.log", "error.log"]);
    const file = await handler.get(`/api/v1/reports/${key}/attachments/${items[0]!.id}`);
    expect((await file.body()).equals(log)).toBe(true);
  });
});
