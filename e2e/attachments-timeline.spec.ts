import { readFileSync } from "node:fs";

import { expect, test } from "./fixtures";

// Files sent with a report (multipart API) and with a reply (status page) show
// in the timeline as part of the reporter's message, each a download.

test.describe("files in the timeline", () => {
  test.use({ storageState: "e2e/.state/handler.storage.json" });

  test("a multipart report and a reply with a file: both in the timeline, downloaded byte-identical", async ({
    page,
    api,
  }) => {
    const anon = await api(null);
    const poc = Buffer.from("#!/usr/bin/env python3\nprint('proof')\n", "utf8");
    const form = new FormData();
    form.set("title", `Multipart intake ${Date.now()}`);
    form.set("body", "Run the attached proof against any default install.");
    form.set("reporterEmail", "multipart@example.org");
    form.append("files", new Blob([new Uint8Array(poc)], { type: "text/x-python" }), "poc.py");
    const created = await anon.post("/api/v1/reports", { multipart: form });
    expect(created.status()).toBe(201);
    const { key, statusUrl } = (await created.json()) as { key: string; statusUrl: string };

    const trace = Buffer.from('Traceback (most recent call last):\n  File "app.py", line 3\n', "utf8");
    const reporter = await page.context().browser()!.newContext();
    const status = await reporter.newPage();
    await status.goto(new URL(statusUrl).pathname);
    await status.getByLabel("Reply to the security team").fill("The trace from the server is attached.");
    await status
      .getByLabel("Files (optional)")
      .setInputFiles([{ name: "trace.txt", mimeType: "text/plain", buffer: trace }]);
    await status.getByRole("button", { name: "Send reply" }).click();
    await expect(status.getByText("Sent. The security team has been notified.")).toBeVisible();
    await reporter.close();

    await page.goto(`/reports/${key}`);
    const timeline = page.getByRole("list", { name: "Timeline" });
    const files = timeline.getByTestId("timeline-files");
    await expect(files).toHaveCount(2);
    await expect(files.nth(0)).toHaveText("poc.py");
    const reply = timeline.getByRole("listitem").filter({ hasText: "The trace from the server is attached." });
    await expect(reply.getByTestId("timeline-files")).toHaveText("trace.txt");

    for (const [link, bytes] of [
      [files.nth(0).getByRole("link", { name: "poc.py" }), poc],
      [reply.getByRole("link", { name: "trace.txt" }), trace],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(readFileSync(await download.path()).equals(bytes)).toBe(true);
    }
  });
});
