import { expect, test } from "./fixtures";

// Settings → Unparsed mail, as an admin uses it (the outbox's retry and cancel are
// tested in tests/integration/admin.test.ts: whether the e2e servers send mail
// decides whether a mail is still pending, so a browser test would race it).

test.use({ storageState: "e2e/.state/admin.storage.json" });

const SECRET = "e2e-inbound-secret-0123456789";

test("an admin downloads an unreadable mail, reprocesses it and makes a report of it by hand", async ({
  page,
  api,
}) => {
  const subject = `Unreadable ${Date.now()}`;
  const raw = Buffer.from(
    [
      "From: undisclosed-recipients:;",
      "To: security@example.org",
      `Subject: ${subject}`,
      `Message-ID: <e2e-unparsed-${Date.now()}@example.org>`,
      "",
      "Heap overflow in the multipart parser when a boundary is 70 characters long.",
      "",
    ].join("\r\n"),
  );
  const anon = await api(null);
  const posted = await anon.post("/api/v1/inbound/email", {
    data: raw,
    headers: { "Content-Type": "message/rfc822", Authorization: `Bearer ${SECRET}` },
  });
  expect(await posted.json()).toMatchObject({ key: null, unparsed: true });

  // the API lists it and serves its bytes as a sandboxed download; a handler may not
  const admin = await api("admin");
  const { items } = (await (await admin.get("/api/v1/inbound/unparsed")).json()) as {
    items: { id: string; subject: string }[];
  };
  const id = items.find((m) => m.subject === subject)!.id;
  const file = await admin.get(`/api/v1/inbound/${id}/raw`);
  expect(file.headers()).toMatchObject({
    "content-type": "message/rfc822",
    "content-disposition": `attachment; filename="inbound-${id}.eml"; filename*=UTF-8''inbound-${id}.eml`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'",
  });
  expect(Buffer.compare(await file.body(), raw)).toBe(0);
  expect((await (await api("handler")).get(`/api/v1/inbound/${id}/raw`)).status()).toBe(403);

  await page.goto("/settings/unparsed");
  const row = page.getByTestId("unparsed-row").filter({ hasText: subject });
  await row.getByText(subject).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("link", { name: "Download .eml" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`inbound-${id}.eml`);

  await row.getByRole("button", { name: "Reprocess" }).click();
  await expect(row.getByText("Still unreadable")).toBeVisible();

  const form = row.getByRole("form", { name: "Make a report of this mail" });
  await expect(form.getByLabel("Title")).toHaveValue(subject);
  await form.getByRole("button", { name: "Make the report" }).click();
  await expect(form.getByText(/e-mail/i).first()).toBeVisible(); // no reporter address yet: the field says so
  await form.getByLabel("Reporter's e-mail").fill("finder@research.example");
  await form.getByLabel("Title").fill("Heap overflow in the multipart parser");
  await form.getByRole("button", { name: "Make the report" }).click();
  await expect(page).toHaveURL(/\/reports\/SEC-\d{4}-\d{4,}$/);
  await expect(page.getByRole("heading", { name: "Heap overflow in the multipart parser" })).toBeVisible();
  await expect(page.getByText("Heap overflow in the multipart parser when a boundary")).toBeVisible();
  await expect(page.getByText("made this report from a mail intake could not read")).toBeVisible();

  await page.goto("/settings/unparsed");
  await expect(page.getByTestId("unparsed-row").filter({ hasText: subject })).toHaveCount(0);
});
