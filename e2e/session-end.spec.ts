import type { APIRequestContext } from "@playwright/test";

import { DEMO_PASSWORD, expect, test } from "./fixtures";

// Sign-out holds from outside (issue 14): a copied cookie, and any cookie
// next-auth re-issued from it, is refused by the API and by /api/auth/session.

const EMAIL = "e2e.session@example.com";
const COOKIE = "next-auth.session-token";

async function signIn(ctx: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { email: EMAIL, password: DEMO_PASSWORD, csrfToken, json: "true" },
  });
  expect(res.ok()).toBe(true);
}

async function signOut(ctx: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await ctx.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).ok()).toBe(true);
}

async function cookieOf(ctx: APIRequestContext): Promise<string> {
  const found = (await ctx.storageState()).cookies.find((c) => c.name === COOKIE);
  expect(found, "a session cookie").toBeTruthy();
  return found!.value;
}

/** What a copied cookie gets: the session endpoint's answer, the cookie it hands back, the API's status. */
async function tryCookie(ctx: APIRequestContext, value: string) {
  const headers = { Cookie: `${COOKIE}=${value}` };
  const session = await ctx.get("/api/auth/session", { headers });
  const reissued = session
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${COOKIE}=`))
    .map((h) => h.value.slice(COOKIE.length + 1).split(";")[0]!)
    .find((v) => v.length > 0);
  const api = await ctx.get("/api/v1/reports?limit=1", { headers });
  return { session: (await session.json()) as { user?: unknown }, reissued, api: api.status() };
}

test("a copied cookie, and any cookie re-issued from it, stop working at sign-out", async ({ page, playwright }) => {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/board$/);
  const copied = (await page.context().cookies()).find((c) => c.name === COOKIE)!.value;

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
  await signIn(ctx);
  const copied = await cookieOf(ctx);
  await signOut(ctx);
  const outside = await playwright.request.newContext({ baseURL });
  const after = await tryCookie(outside, copied);
  expect(after.session.user).toBeUndefined();
  expect(after.reissued).toBeUndefined();
  expect(after.api).toBe(401);

  // and signing in again at once works
  await signIn(ctx);
  expect((await tryCookie(outside, await cookieOf(ctx))).api).toBe(200);
  await Promise.all([ctx.dispose(), outside.dispose()]);
});
