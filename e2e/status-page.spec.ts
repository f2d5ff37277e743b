import { expect, test } from "./fixtures";
import { waitForMail } from "./mail";

test("a reporter replies and sets their credit on the status page, even without JavaScript", async ({
  browser,
  api,
}) => {
  const anon = await api(null);
  const { key, statusUrl } = await (
    await anon.post("/api/v1/reports", {
      data: { title: "Reply without JS", body: "Body", reporterEmail: "nojs@example.org", reporterName: "No Script" },
    })
  ).json();
  const path = new URL(statusUrl).pathname;

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel("Reply to the security team").fill("I can also reproduce it on 5.1.0.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("I can also reproduce it on 5.1.0.")).toBeVisible();

  await page.getByLabel("Credit me anonymously").check();
  await page.getByRole("button", { name: "Save credit preference" }).click();
  await expect(page.getByTestId("credit")).toHaveText("Anonymously");
  await context.close();

  const report = await (await (await api("handler")).get(`/api/v1/reports/${key}`)).json();
  expect(
    report.timeline.find((e: { body: string | null }) => e.body === "I can also reproduce it on 5.1.0."),
  ).toMatchObject({ visibility: "reporter", actor: "No Script" });
});

test.describe("re-issuing the link", () => {
  test.use({ storageState: "e2e/.state/handler.storage.json" });

  test("kills the old link and mails the new one to the reporter, never showing it", async ({ page, api }) => {
    const anon = await api(null);
    const reporter = `leak-${Date.now()}@example.org`;
    const { key, statusUrl } = await (
      await anon.post("/api/v1/reports", {
        data: { title: "Leaked link", body: "Body", reporterEmail: reporter },
      })
    ).json();
    await page.goto(`/reports/${key}`);
    await page.getByRole("button", { name: "Re-issue status link" }).click();
    await page.getByRole("button", { name: "Re-issue and mail it" }).click();
    await expect(page.getByRole("status").filter({ hasText: `A new link was mailed to ${reporter}` })).toBeVisible();
    await expect(page.getByText("/status/")).toHaveCount(0);
    const mail = await waitForMail(reporter, /A new link to follow your report/);
    const fresh = /\/status\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    expect(statusUrl).not.toContain(fresh);
    expect((await anon.get(`/api/v1/status/${statusUrl.split("/status/")[1]}`)).status()).toBe(404);
    expect((await anon.get(`/api/v1/status/${fresh}`)).status()).toBe(200);
  });
});
