import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { SESSION_COOKIE, apiSignIn, formSignIn, apiSignOut, sessionCookieOf, tryCookie } from "./sessions";

// Sign-out holds from outside (issue 14): a copied cookie, and any cookie
// next-auth re-issued from it, is refused by the API and by /api/auth/session.

const EMAIL = "e2e.session@example.com";

test("a copied cookie, and any cookie re-issued from it, stop working at sign-out", async ({ page, playwright }) => {
  await formSignIn(page, EMAIL, DEMO_PASSWORD);
  const copied = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!.value;

  const outside = await playwright.request.newContext({ baseURL: page.url() });
  const before = await tryCookie(outside, copied);
  expect(before.session.user).toBeTruthy();
  expect(before.api).toBe(200);
  expect(before.reissued).toBeTruthy();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  for (const cookie of [copied, before.reissued!]) {
    const after = await tryCookie(outside, cookie);
    expect(after.session.user).toBeUndefined();
    expect(after.reissued).toBeUndefined();
    expect(after.api).toBe(401);
  }
  await outside.dispose();
});

test("a cookie signed out within the second it was issued does not keep working", async ({ playwright, baseURL }) => {
  const ctx = await playwright.request.newContext({ baseURL });
  await apiSignIn(ctx, EMAIL);
  const copied = (await sessionCookieOf(ctx))!;
  await apiSignOut(ctx);
  const outside = await playwright.request.newContext({ baseURL });
  const after = await tryCookie(outside, copied);
  expect(after.session.user).toBeUndefined();
  expect(after.reissued).toBeUndefined();
  expect(after.api).toBe(401);

  // and signing in again at once works
  await apiSignIn(ctx, EMAIL);
  expect((await tryCookie(outside, (await sessionCookieOf(ctx))!)).api).toBe(200);
  await Promise.all([ctx.dispose(), outside.dispose()]);
});
