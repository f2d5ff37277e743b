import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { formSignIn } from "./sessions";

// Sign-in limits (issue 14 §6), as a person meets them: after a few wrong
// passwords for one e-mail from one network the form says how long to wait,
// and nobody else — another account from the same network — is held up.

const EMAIL = "e2e.throttle@example.com";

test("wrong passwords make this e-mail wait here, and nobody else", async ({ page, playwright, baseURL }) => {
  test.setTimeout(150_000);
  // a script guesses, waiting out each wait it is given, until the wait is 16 s (after the eighth failure)
  const guesser = await playwright.request.newContext({ baseURL });
  let wait = 0;
  for (let i = 0; wait < 16 && i < 20; i++) {
    const { csrfToken } = (await (await guesser.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await guesser.post("/api/auth/callback/credentials", {
      form: { email: EMAIL, password: `wrong-guess-${i}-0000`, csrfToken, json: "true" },
    });
    const { url } = (await res.json()) as { url: string };
    wait = Number(/TooManyAttempts%3A(\d+)/.exec(url)?.[1] ?? 0);
    if (wait && wait < 16) await new Promise((r) => setTimeout(r, wait * 1000 + 200));
  }
  expect(wait).toBeGreaterThanOrEqual(16);
  await guesser.dispose();

  // the right password is not even checked until the wait ends
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed attempts for this e-mail from your network\. Wait \d+ s/)).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);

  // another account from the same network signs in at once
  await formSignIn(page, "e2e.sessions@example.com");
  await page.context().clearCookies();

  // and once the wait is over, the right password works
  await page.waitForTimeout(17_000);
  await formSignIn(page, EMAIL);
});
