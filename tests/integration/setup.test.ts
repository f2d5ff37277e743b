import { describe, expect, it } from "vitest";

import { POST } from "@/app/api/v1/setup/route";
import { db } from "@/lib/server/infra/db";
import { issueSetupCode } from "@/lib/server/users/setup";
import { bootstrapAdmin } from "@/lib/server/users/users";
import { postJson } from "@/tests/helpers/http";

// Setup with a code (issue 14 §5): on an empty install only the holder of the
// code the server printed in its log becomes the first admin.

const PASSWORD = "a-long-enough-password";

const post = (body: unknown) => postJson(POST, body);

describe("setup with a code", () => {
  it("prints a fresh code while no user exists and stores only its hash", async () => {
    const lines: string[] = [];
    const code = (await issueSetupCode((l) => lines.push(l)))!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(lines).toEqual([expect.stringContaining(`setup code: ${code}`)]);
    const stored = JSON.stringify(await db().setting.findMany());
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(code.replace(/-/g, ""));
    // each start replaces the code: the earlier one no longer works
    const next = (await issueSetupCode(() => {}))!;
    expect(next).not.toBe(code);
    const res = await post({ code, email: "eve@example.com", password: PASSWORD });
    expect(res.status).toBe(403);
  });

  it("refuses a wrong or missing code with the documented error shape, then creates the admin with the right one", async () => {
    const code = (await issueSetupCode(() => {}))!;
    const wrong = await post({ code: "AAAA-BBBB-CCCC-DDDD", email: "eve@example.com", password: PASSWORD });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({
      error: { code: "forbidden", message: expect.any(String), fields: { code: expect.any(String) } },
    });
    const missing = await post({ email: "eve@example.com", password: PASSWORD });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatchObject({ code: "bad_request", fields: { code: expect.any(String) } });
    expect(await db().user.count()).toBe(0);

    // typed as a person might: lower case, without dashes; the name is optional
    const typed = code.toLowerCase().replace(/-/g, " ");
    const created = await post({ code: typed, email: "Ada@Example.com", password: PASSWORD });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      id: expect.any(String),
      email: "ada@example.com",
      name: "ada",
      role: "ADMIN",
    });
    expect(await db().setting.count({ where: { key: "setupCodeHash" } })).toBe(0);
    expect(await db().auditLog.count({ where: { action: "user.setup" } })).toBe(1);
  });

  it("answers 409 once a user exists, whatever the code, and prints no more codes", async () => {
    const again = await post({ code: "AAAA-BBBB-CCCC-DDDD", email: "mallory@example.com", password: PASSWORD });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("conflict");
    const lines: string[] = [];
    expect(await issueSetupCode((l) => lines.push(l))).toBeNull();
    expect(lines).toEqual([]);
    // ADMIN_EMAIL / ADMIN_PASSWORD still create the admin on an empty install, and never a second one
    expect(await bootstrapAdmin("boot@example.com", PASSWORD)).toBe(false);
    expect(await db().user.count()).toBe(1);
  });
});
