import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { SESSION_COOKIE, apiSignIn, formSignIn, sessionCookieOf, tryCookie } from "./sessions";

// Sessions with server-side truth (issue 14 §1), as a person uses them: /account
// lists your sessions with this one marked and ends another, or every other;
// an admin ends them all from Settings → Users. The account is this spec's own
// (scripts/e2e-server.ts), so no other spec's session ends.

const EMAIL = "e2e.sessions@example.com";

test("you see your sessions on /account and end another one, or all others", async ({ page, playwright, baseURL }) => {
  test.setTimeout(90_000);
  await formSignIn(page, EMAIL, DEMO_PASSWORD);

  // a second sign-in elsewhere (a script with its own cookie jar)
  const elsewhere = await playwright.request.newContext({ baseURL });
  await apiSignIn(elsewhere, EMAIL);
  const copied = (await sessionCookieOf(elsewhere))!;
  const outside = await playwright.request.newContext({ baseURL });
  expect((await tryCookie(outside, copied)).api).toBe(200);

  await page.goto("/account");
  const sessions = page.getByRole("list", { name: "Your sessions" });
  await expect(sessions.getByTestId("session-row")).toHaveCount(2);
  const current = sessions.getByTestId("session-row").filter({ hasText: "This session" });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText("last seen");
  await expect(current.getByRole("button", { name: "End session" })).toHaveCount(0);

  await sessions
    .getByTestId("session-row")
    .filter({ hasNotText: "This session" })
    .getByRole("button", { name: "End session" })
    .click();
  await expect(sessions.getByTestId("session-row")).toHaveCount(1);
  const ended = await tryCookie(outside, copied);
  expect(ended.api).toBe(401);
  expect(ended.session.user).toBeUndefined();
  expect(ended.reissued).toBeUndefined();

  // two more elsewhere, then "End all other sessions" keeps only this one
  const again = [await playwright.request.newContext({ baseURL }), await playwright.request.newContext({ baseURL })];
  for (const ctx of again) await apiSignIn(ctx, EMAIL);
  await page.reload();
  await expect(sessions.getByTestId("session-row")).toHaveCount(3);
  await page.getByRole("button", { name: "End all other sessions" }).click();
  await expect(sessions.getByTestId("session-row")).toHaveCount(1);
  for (const ctx of again) expect((await tryCookie(outside, (await sessionCookieOf(ctx))!)).api).toBe(401);
  // this browser is still signed in
  await page.goto("/board");
  await expect(page).toHaveURL(/\/board$/);
  await Promise.all([elsewhere, outside, ...again].map((c) => c.dispose()));
});

test.describe("an admin", () => {
  test.use({ storageState: "e2e/.state/admin.storage.json" });

  test("ends a user's sessions from Settings → Users", async ({ page, browser, baseURL }) => {
    test.setTimeout(90_000);
    const theirs = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const them = await theirs.newPage();
    await formSignIn(them, EMAIL, DEMO_PASSWORD);
    const cookie = (await theirs.cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeTruthy();

    await page.goto("/settings/users");
    const row = page.getByTestId("user-row").filter({ hasText: EMAIL });
    await row.getByRole("button", { name: `End sessions of ${EMAIL}` }).click();
    await expect(row.getByRole("button", { name: /End sessions/ })).toHaveCount(0);

    // their next page asks them to sign in again
    await them.goto("/account");
    await expect(them).toHaveURL(/\/signin/);
    await theirs.close();
  });
});
