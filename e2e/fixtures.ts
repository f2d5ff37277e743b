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

// Specs make the reports they change, so none depends on another's data or on the order they run in.
let made = 0;

/** Submits a fresh report as an anonymous reporter; returns its key and status-page token. */
export async function submitReport(
  anon: APIRequestContext,
  data: { title?: string; body?: string; reporterEmail?: string; project?: string } = {},
): Promise<{ key: string; token: string }> {
  const res = await anon.post("/api/v1/reports", {
    data: {
      title: `E2E report ${Date.now()}-${++made}`,
      body: "Details",
      reporterEmail: "e2e@example.org",
      ...data,
    },
  });
  expect(res.status()).toBe(201);
  const { key, statusUrl } = (await res.json()) as { key: string; statusUrl: string };
  return { key, token: statusUrl.split("/status/")[1]! };
}

/** Applies each patch in turn with the version just read, as a handler would through the API. */
export async function patchReport(client: APIRequestContext, key: string, ...patches: Record<string, unknown>[]) {
  for (const patch of patches) {
    const { version } = (await (await client.get(`/api/v1/reports/${key}`)).json()) as { version: number };
    const res = await client.patch(`/api/v1/reports/${key}`, { data: { version, ...patch } });
    expect(res.status(), JSON.stringify(patch)).toBe(200);
  }
}
