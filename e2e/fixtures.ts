import { readFileSync } from "node:fs";

import type { APIRequestContext } from "@playwright/test";
import { test as base, expect } from "@playwright/test";

// Typed helpers for the specs: API clients for each demo role, authorised by
// the tokens e2e-server.ts created, and an anonymous one.

type Role = "admin" | "handler" | "viewer";

function tokens(): Record<Role, string> {
  return JSON.parse(readFileSync("e2e/.state/main.json", "utf8")).tokens;
}

export const test = base.extend<{ api: (role: Role | null) => Promise<APIRequestContext> }>({
  api: async ({ playwright, baseURL }, use) => {
    const made: APIRequestContext[] = [];
    await use(async (role) => {
      const ctx = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: role ? { Authorization: `Bearer ${tokens()[role]}` } : {},
      });
      made.push(ctx);
      return ctx;
    });
    await Promise.all(made.map((c) => c.dispose()));
  },
});

export { expect };

export const DEMO_PASSWORD = "embargo-demo-password";
