import { describe, expect, it, vi } from "vitest";

import type { Actor } from "@/lib/server/auth/actor";

import { json, withRole } from "./api";

// only the session lookup is replaced: a signed-in handler's cookie
const handler: Actor = {
  kind: "user",
  via: "session",
  user: { id: "u1", email: "handler@example.test", name: "Handler", role: "HANDLER" },
};
vi.mock("@/lib/server/auth/session", () => ({
  sessionActor: vi.fn(async () => handler),
  bearerActor: vi.fn(async () => null),
}));

const route = { method: "POST", path: "/api/v1/test", access: "reports.write", summary: "test" } as const;
const wrapped = withRole(route, async () => json({ ok: true }));
const call = (method: string, headers: Record<string, string>) =>
  wrapped(new Request("http://localhost:3000/api/v1/test", { method, headers }), {
    params: Promise.resolve({} as Record<string, never>),
  });

describe("withRole, for cookie-authenticated writes", () => {
  it.each(["POST", "PATCH"])("refuses a %s from a foreign Origin with 403 forbidden", async (method) => {
    const res = await call(method, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
  });

  it("refuses a write with neither Origin nor a same-origin Sec-Fetch-Site", async () => {
    const res = await call("POST", { "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });

  it.each(["POST", "PATCH"])("lets a same-origin %s through", async (method) => {
    const res = await call(method, { origin: "http://localhost:3000" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("lets a same-origin write through on Sec-Fetch-Site alone", async () => {
    const res = await call("POST", { "sec-fetch-site": "same-origin" });
    expect(res.status).toBe(200);
  });

  it("does not check the Origin of a read", async () => {
    const res = await call("GET", { origin: "https://evil.example" });
    expect(res.status).toBe(200);
  });
});
