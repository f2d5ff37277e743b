import type { Page } from "@playwright/test";

import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { waitForMail } from "./mail";

// Accounts help themselves (issue 12 §2, §5): a password reset through the
// mail the server really sends (caught by the test SMTP peer), /account, and
// an admin's reset link from Settings → Users. Each uses an account of its
// own (scripts/e2e-server.ts), so no other spec's session ends.

const RESET_LINK = /https?:\/\/[^\s]+\/reset\/[A-Za-z0-9_-]{43}/;

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a forgotten password is reset through the mailed link, once", async ({ page }) => {
  test.setTimeout(120_000);
  const email = "e2e.reset@example.com";
  const password = "a-reset-password-from-e2e";
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/reset$/);
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${email} has an account, a link`);

  const mail = await waitForMail(email, /new Embargo password/);
  expect(mail.text).toContain("works once");
  const link = RESET_LINK.exec(mail.text)![0];
  expect(new URL(link).origin).toBe(new URL(page.url()).origin);

  const response = await page.goto(link);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set the password" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await page.getByLabel("New password").fill(password);
  await page.getByRole("button", { name: "Set the password" }).click();
  await expect(page).toHaveURL(/\/signin\?reset=done/);
  await expect(page.getByRole("status")).toContainText("Your new password is set");

  await signIn(page, email, DEMO_PASSWORD);
  // (Next's route announcer is an alert too: find the message by its text)
  await expect(page.getByText("The e-mail or password is not right.")).toBeVisible();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/board$/);

  // the link worked once
  await page.context().clearCookies();
  await page.goto(link);
  await page.getByLabel("New password").fill("yet-another-password-123");
  await page.getByRole("button", { name: "Set the password" }).click();
  await expect(page.getByText("This reset link has expired or was already used.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
});

test("your account: name, team mails and a password change that signs you out", async ({ page }) => {
  const email = "e2e.account@example.com";
  const password = "a-changed-password-from-e2e";
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/board$/);
  await page.getByTestId("account-link").click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();

  const profile = page.getByRole("form", { name: "Your name and team mails" });
  await profile.getByLabel("Name").fill("Acc Ount");
  await expect(profile.getByRole("checkbox", { name: /New reports/ })).toBeChecked();
  await profile.getByRole("checkbox", { name: /New reports/ }).uncheck();
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(profile.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(profile.getByRole("checkbox", { name: /New reports/ })).not.toBeChecked();
  await expect(profile.getByRole("checkbox", { name: /Assignments/ })).toBeChecked();
  await expect(page.getByTestId("account-link")).toContainText("Acc Ount");

  const change = page.getByRole("form", { name: "Change your password" });
  await change.getByLabel("Current password").fill("not-my-password-at-all");
  await change.getByLabel("New password").fill(password);
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(change.getByText("Not your current password")).toBeVisible();
  await change.getByLabel("Current password").fill(DEMO_PASSWORD);
  await change.getByLabel("New password").fill(password);
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/signin\?password=changed/);
  await expect(page.getByRole("status")).toContainText("Your password is changed");

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/board$/);
});

test.describe("as an admin", () => {
  test.use({ storageState: "e2e/.state/admin.storage.json" });

  test("Settings → Users mails a reset link that the outbox never shows", async ({ page }) => {
    test.setTimeout(120_000);
    const email = "e2e.session@example.com";
    await page.goto("/settings/users");
    const row = page.getByTestId("user-row").filter({ hasText: email });
    await row.getByRole("button", { name: `Send reset link to ${email}` }).click();
    await expect(row.getByRole("status")).toHaveText(`Reset link mailed to ${email}.`);

    const mail = await waitForMail(email, /new Embargo password/);
    expect(mail.text).toMatch(/sent you a link to set a new password/);
    expect(mail.text).toMatch(RESET_LINK);
    await page.goto("/settings/outbox");
    await expect(page.getByRole("heading", { name: /outbox/i, level: 1 })).toBeVisible();
    await expect(page.locator("main")).not.toContainText("/reset/");
  });
});
