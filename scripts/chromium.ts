// How the tests and scripts launch Debian's Chromium (Playwright cannot
// download its own browsers here): one list, for playwright.config.ts and
// scripts/screenshots.ts.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
