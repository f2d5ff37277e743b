import { expect, test } from "./fixtures";

// HTML and script in any field are stored as text and never executed where they are shown.
const PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=1">`,
  `<svg onload="window.__xss=1"></svg>`,
  `[click me](javascript:window.__xss=1)`,
  `"><iframe src="javascript:window.__xss=1"></iframe>`,
  `<a href="javascript:window.__xss=1">link</a>`,
  `![x](https://tracker.example/pixel.png)`,
];

test("XSS payloads in every field stay inert on the board, the report page and the status page", async ({
  browser,
  api,
}) => {
  const anon = await api(null);
  const created = await (
    await anon.post("/api/v1/reports", {
      data: {
        title: `XSS ${PAYLOADS[1]}`,
        body: PAYLOADS.join("\n\n"),
        reporterEmail: "xss@example.org",
        reporterName: PAYLOADS[0],
      },
    })
  ).json();
  const handler = await api("handler");
  for (const body of PAYLOADS)
    await handler.post(`/api/v1/reports/${created.key}/messages`, { data: { body, visibility: "reporter" } });
  await anon.post(`/api/v1/status/${created.statusUrl.split("/status/")[1]}/messages`, {
    data: { body: PAYLOADS.join(" ") },
  });

  const context = await browser.newContext({ storageState: "e2e/.state/handler.storage.json" });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const external: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://localhost")) external.push(r.url());
  });

  for (const path of ["/board", `/reports/${created.key}`, new URL(created.statusUrl).pathname]) {
    await page.goto(path);
    await expect(page.getByText(/XSS /).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }
  // the payloads are shown as text, and the remote image is a link, not a request
  await page.goto(`/reports/${created.key}`);
  await expect(page.getByText("Image not loaded: x").first()).toBeVisible();
  await expect(page.locator("a[href^='javascript:']")).toHaveCount(0);
  await expect(page.locator("script:not([src]):not([nonce])")).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(external).toEqual([]);
  await context.close();
});
