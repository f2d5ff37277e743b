import { readFileSync } from "node:fs";

import { expect, test } from "@playwright/test";

// The first visit (issue 14 §5): setup needs the one-time code the server
// printed in its log, which scripts/e2e-server.ts keeps in e2e/.state.

const setupCode = () => readFileSync("e2e/.state/fresh-setup-code.txt", "utf8").trim();

test("the first visit offers a one-time setup that needs the logged code and creates the admin", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const code = setupCode();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

  // from a script: a wrong or missing code is refused, and no admin is made
  const wrong = await request.post("/api/v1/setup", {
    data: { code: "AAAA-BBBB-CCCC-DDDD", email: "mallory@example.com", password: "a-very-good-password" },
  });
  expect(wrong.status()).toBe(403);
  expect((await wrong.json()).error).toMatchObject({ code: "forbidden", fields: { code: expect.any(String) } });
  const missing = await request.post("/api/v1/setup", {
    data: { email: "mallory@example.com", password: "a-very-good-password" },
  });
  expect(missing.status()).toBe(400);

  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Embargo" })).toBeVisible();

  // a wrong code is refused with the reason, beside the field
  await page.getByLabel("Setup code").fill("AAAA-BBBB-CCCC-DDDD");
  await page.getByLabel("Your name").fill("Ada Admin");
  await page.getByLabel("E-mail").fill("ada@example.com");
  await page.getByLabel("Password").fill("a-very-good-password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Not the setup code")).toBeVisible();

  // inline validation: a short password is refused with the reason
  await page.getByLabel("Setup code").fill(code);
  await page.getByLabel("Your name").fill("Ada Admin");
  await page.getByLabel("E-mail").fill("ada@example.com");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();

  await page.getByLabel("Password").fill("a-very-good-password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/signin\?setup=done/);
  await expect(page.getByText("Your admin account is ready")).toBeVisible();

  // setup is gone for good, for scripts too
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin/);
  const after = await request.post("/api/v1/setup", {
    data: { code, email: "mallory@example.com", password: "a-very-good-password" },
  });
  expect(after.status()).toBe(409);

  await page.getByLabel("E-mail").fill("ada@example.com");
  await page.getByLabel("Password").fill("wrong-password-here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The e-mail or password is not right.")).toBeVisible();

  await page.getByLabel("Password").fill("a-very-good-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/board$/);
  await expect(page.getByText("No reports yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
});
