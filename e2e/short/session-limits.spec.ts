import { expect, test } from "@playwright/test";

import { SESSION_COOKIE, apiSignIn, formSignIn, sessionCookieOf, tryCookie } from "../sessions";

// The idle timeout and the absolute lifetime, on a server whose limits are
// seconds instead of hours (scripts/e2e-server.ts --short-sessions:
// SESSION_IDLE_MINUTES=0.1, SESSION_MAX_HOURS=0.005). Moving the server's
// clock is not possible from outside; shrinking the limits is the same test.

const EMAIL = "short@example.com";
const PASSWORD = "embargo-demo-password";
const IDLE_MS = 6_000;
const MAX_MS = 18_000;

test("a session left idle ends: the page asks to sign in and the copied cookie is refused", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(60_000);
  await formSignIn(page, EMAIL, PASSWORD);
  const copied = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!.value;
  const outside = await playwright.request.newContext({ baseURL });

  await page.waitForTimeout(IDLE_MS + 1_500);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
  const after = await tryCookie(outside, copied);
  expect(after.api).toBe(401);
  expect(after.session.user).toBeUndefined();
  expect(after.reissued).toBeUndefined();
  await outside.dispose();
});

test("a busy session still ends at its lifetime", async ({ playwright, baseURL }) => {
  test.setTimeout(90_000);
  const ctx = await playwright.request.newContext({ baseURL });
  const before = Date.now();
  await apiSignIn(ctx, EMAIL, PASSWORD);
  const signedIn = Date.now();
  const cookie = (await sessionCookieOf(ctx))!;
  const outside = await playwright.request.newContext({ baseURL });
  // used every 1.5 s (well inside the idle timeout) until it ends
  const seen: { sent: number; answered: number; status: number }[] = [];
  for (;;) {
    const sent = Date.now();
    const { api } = await tryCookie(outside, cookie);
    seen.push({ sent, answered: Date.now(), status: api });
    if (api !== 200 || Date.now() - before > MAX_MS + 20_000) break;
    await new Promise((r) => setTimeout(r, 1_500));
  }
  const last = seen.at(-1)!;
  expect(last.status, JSON.stringify(seen)).toBe(401);
  // refused no earlier than the lifetime allows, and the gaps never reached the idle timeout
  expect(last.answered - before).toBeGreaterThanOrEqual(MAX_MS);
  for (const [i, s] of seen.entries()) if (i > 0) expect(s.sent - seen[i - 1]!.answered).toBeLessThan(IDLE_MS);
  for (const s of seen.slice(0, -1)) expect(s.status).toBe(200);
  expect(seen.at(-2)!.sent - signedIn).toBeLessThan(MAX_MS);
  await Promise.all([ctx.dispose(), outside.dispose()]);
});
