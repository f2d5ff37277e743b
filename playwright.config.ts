import { defineConfig, devices } from "@playwright/test";

import { chromiumLaunchOptions } from "./scripts/chromium";

// End-to-end tests drive the built app in Debian's Chromium. Three servers:
// "main" with the demo data (and API tokens written to e2e/.state), "fresh"
// with an empty database for the first-visit setup, and "short" whose
// sessions end within seconds (idle timeout and lifetime, e2e/short/).

// E2E_PORT moves the servers (main on it, fresh and short on the next two ports), e.g. to run two checkouts at once
const MAIN_PORT = Number(process.env.E2E_PORT ?? 3100);
const FRESH_PORT = MAIN_PORT + 1;
const SHORT_PORT = MAIN_PORT + 2;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: chromiumLaunchOptions,
};

const server = (name: string, port: number, flags = "") => ({
  command: `node --import tsx scripts/e2e-server.ts ${name} ${port} ${flags}`.trim(),
  url: `http://localhost:${port}/api/health`,
  reuseExistingServer: false,
  // a cold build on a loaded 2-core machine can take longer than the default; E2E_SERVER_TIMEOUT (ms) raises it
  timeout: Number(process.env.E2E_SERVER_TIMEOUT ?? 300_000),
  stdout: "ignore" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  // generous for a shared 2-core machine, where the first visit of a page also waits for the server's work;
  // a real hang still fails well within CI's time
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  webServer: [
    server("main", MAIN_PORT, "--seed"),
    server("fresh", FRESH_PORT),
    server("short", SHORT_PORT, "--short-sessions"),
  ],
  projects: [
    { name: "sign-in", testMatch: /auth\.setup\.ts/, use: { ...chromium, baseURL: `http://localhost:${MAIN_PORT}` } },
    {
      name: "main",
      testIgnore: [/fresh\//, /short\//, /auth\.setup\.ts/],
      dependencies: ["sign-in"],
      use: { ...chromium, baseURL: `http://localhost:${MAIN_PORT}` },
    },
    {
      name: "fresh",
      testMatch: /fresh\/.*\.spec\.ts/,
      use: { ...chromium, baseURL: `http://localhost:${FRESH_PORT}` },
    },
    {
      name: "short",
      testMatch: /short\/.*\.spec\.ts/,
      use: { ...chromium, baseURL: `http://localhost:${SHORT_PORT}` },
    },
  ],
});
