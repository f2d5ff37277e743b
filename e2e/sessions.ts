import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";

import { DEMO_PASSWORD } from "./fixtures";

// Sessions from outside the browser: sign in and out through next-auth's own
// endpoints, read the session cookie, and see what a copied cookie still gets.

export const SESSION_COOKIE = "next-auth.session-token";

/** Signs in through the form, as a person does, and lands on the board. */
export async function formSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/board$/);
}

export async function apiSignIn(ctx: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
  });
  expect(res.ok()).toBe(true);
  expect(await sessionCookieOf(ctx), "a session cookie after sign-in").toBeTruthy();
}

export async function apiSignOut(ctx: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await ctx.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).ok()).toBe(true);
}

export async function sessionCookieOf(ctx: APIRequestContext): Promise<string | undefined> {
  return (await ctx.storageState()).cookies.find((c) => c.name === SESSION_COOKIE)?.value;
}

/** What a copied cookie gets: the session endpoint's answer, the cookie it hands back, the API's status. */
export async function tryCookie(ctx: APIRequestContext, value: string) {
  const headers = { Cookie: `${SESSION_COOKIE}=${value}` };
  const session = await ctx.get("/api/auth/session", { headers });
  const reissued = session
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${SESSION_COOKIE}=`))
    .map((h) => h.value.slice(SESSION_COOKIE.length + 1).split(";")[0]!)
    .find((v) => v.length > 0);
  const api = await ctx.get("/api/v1/me", { headers });
  return { session: (await session.json()) as { user?: unknown }, reissued, api: api.status() };
}
