import { describe, expect, it, vi } from "vitest";

import { DomainError } from "@/lib/errors";

import { toErrorResponse } from "./api";

describe("error responses", () => {
  it("map domain errors to their status with the documented shape", async () => {
    const res = toErrorResponse(
      new DomainError("bad_request", "Bad title", { fields: { title: "Too long" } }),
      "req-1",
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: "bad_request", message: "Bad title", fields: { title: "Too long" } },
    });
  });

  it("answer 503 with Retry-After when the database is unreachable, so mail systems retry", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = toErrorResponse(
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
        code: "ECONNREFUSED",
        syscall: "connect",
        errno: -111,
      }),
      "req-2",
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect((await res.json()).error.code).toBe("unavailable");
    spy.mockRestore();
  });

  it("never send raw error text or stacks to the client", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = toErrorResponse(new Error('relation "User" does not exist at /srv/app/lib/x.ts:12'), "req-3");
    expect(res.status).toBe(500);
    const body = JSON.stringify(await res.json());
    expect(body).not.toContain("relation");
    expect(body).not.toContain("/srv/app");
    expect(body).toContain("req-3");
    spy.mockRestore();
  });
});
