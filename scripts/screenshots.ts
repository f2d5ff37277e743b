// Screenshots of the main screens, for the README and for looking at the UI:
// `node --import tsx scripts/screenshots.ts http://localhost:3000 out-dir`
// against a server with the demo data.
import { mkdirSync } from "node:fs";

import { chromium } from "@playwright/test";

import { chromiumLaunchOptions } from "./chromium";

const [base = "http://localhost:3000", out = "docs/screens"] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const browser = await chromium.launch(chromiumLaunchOptions);

async function signedIn(email: string, scheme: "light" | "dark" = "light") {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(`${base}/signin`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("embargo-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/board$/);
  await page.getByTestId("report-card").first().waitFor();
  return page;
}

const page = await signedIn("hana@example.com");
await page.screenshot({ path: `${out}/board.png` });
await page.getByTestId("column-FIXING").getByTestId("report-card").first().click();
await page.waitForURL(/\/reports\//);
await page.screenshot({ path: `${out}/report.png`, fullPage: true });
await page.goto(`${base}/matrix?project=express`);
await page.getByTestId("matrix").waitFor();
await page.screenshot({ path: `${out}/matrix.png` });

const dark = await signedIn("admin@example.com", "dark");
await dark.screenshot({ path: `${out}/board-dark.png` });
await dark.goto(`${base}/settings/users`);
await dark.getByTestId("user-row").first().waitFor();
await dark.screenshot({ path: `${out}/settings-users.png` });
await dark.goto(`${base}/settings/projects`);
await dark.getByTestId("project-card").first().waitFor();
await dark.screenshot({ path: `${out}/settings-projects.png`, fullPage: true });
await dark.goto(`${base}/settings/policy`);
await dark.screenshot({ path: `${out}/settings-policy.png`, fullPage: true });

const anon = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const form = await anon.newPage();
await form.goto(`${base}/report`);
await form.screenshot({ path: `${out}/report-form.png`, fullPage: true });
await form.getByLabel("Title").fill("Header injection in res.append()");
await form
  .getByLabel("Description")
  .fill("## Steps\n\n1. Call `res.append()` with CRLF\n\n```js\nres.append('X', 'a\\r\\nb')\n```");
await form.getByLabel("Your e-mail").fill("rae@example.org");
await form.getByRole("button", { name: "Send report" }).click();
const link = await form.getByTestId("status-link").textContent();
await form.screenshot({ path: `${out}/report-submitted.png` });

const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true });
const status = await phone.newPage();
await status.goto(link!);
await status.screenshot({ path: `${out}/status-phone.png`, fullPage: true });

await browser.close();
console.log(`Screenshots in ${out}`);
