import { describe, expect, it } from "vitest";

import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { getReport } from "@/lib/server/reports/detail";
import { submitReport } from "@/lib/server/reports/intake";
import { listReports } from "@/lib/server/reports/list";
import { createApiToken, listApiTokens, revokeApiToken, userForApiToken } from "@/lib/server/users/api-tokens";
import { issueSetupCode, setupWithCode } from "@/lib/server/users/setup";
import { bootstrapAdmin, createUser, listUsers, updateUser, verifyCredentials } from "@/lib/server/users/users";
import { TEST_PASSWORD, actorFor } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";

const PASSWORD = TEST_PASSWORD;

describe("setup, users, sign-in and roles", () => {
  it("offers setup once, and the bootstrap admin only while no user exists", async () => {
    const code = (await issueSetupCode(() => {}))!;
    const admin = await setupWithCode({ code, email: "first@example.com", name: "First", password: PASSWORD });
    expect(admin.role).toBe("ADMIN");
    await expectDomainError(
      setupWithCode({ code, email: "second@example.com", name: "Second", password: PASSWORD }),
      "conflict",
    );
    expect(await bootstrapAdmin("boot@example.com", PASSWORD)).toBe(false);
    expect(await db().user.count()).toBe(1);
  });

  it("signs in with the right password only, and never with a disabled account", async () => {
    const { user } = await createUser(SYSTEM, { email: "hana@example.com", role: "HANDLER", password: PASSWORD });
    expect(await verifyCredentials("HANA@example.com ", PASSWORD)).toMatchObject({
      email: "hana@example.com",
      role: "HANDLER",
    });
    expect(await verifyCredentials("hana@example.com", "wrong-password-123")).toBeNull();
    expect(await verifyCredentials("nobody@example.com", PASSWORD)).toBeNull();
    await updateUser(SYSTEM, { id: user.id, disabled: true });
    expect(await verifyCredentials("hana@example.com", PASSWORD)).toBeNull();
    await updateUser(SYSTEM, { id: user.id, disabled: false });
  });

  it("stores argon2id hashes, never the password, and hides them from default selects", async () => {
    const row = await db().user.findUniqueOrThrow({
      where: { email: "hana@example.com" },
      omit: { passwordHash: false },
    });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db().user.findUniqueOrThrow({ where: { email: "hana@example.com" } })).not.toHaveProperty(
      "passwordHash",
    );
  });

  it("refuses a duplicate e-mail with 409 and bad input with 400", async () => {
    await expectDomainError(
      createUser(SYSTEM, { email: "hana@example.com", role: "VIEWER", password: PASSWORD }),
      "conflict",
    );
    await expectDomainError(
      createUser(SYSTEM, { email: "x@example.com", role: "VIEWER", password: "short" }),
      "bad_request",
    );
  });

  it("lets only admins manage users and tokens, and anonymous callers nothing", async () => {
    const { user: viewer } = await createUser(SYSTEM, {
      email: "vera@example.com",
      role: "VIEWER",
      password: PASSWORD,
    });
    const handler = await db().user.findUniqueOrThrow({ where: { email: "hana@example.com" } });
    for (const actor of [actorFor(viewer, "session"), actorFor(handler, "session")]) {
      await expectDomainError(listUsers(actor), "forbidden");
      await expectDomainError(createUser(actor, { email: "y@example.com", role: "ADMIN" }), "forbidden");
      await expectDomainError(createApiToken(actor, { email: "vera@example.com", name: "x" }), "forbidden");
    }
    await expectDomainError(listUsers(null), "unauthenticated");
    await expectDomainError(listReports(null, {}), "unauthenticated");
    // viewers read reports
    const { key } = await submitReport({ title: "t", body: "b", reporterEmail: "r@example.com" });
    expect((await getReport(actorFor(viewer, "session"), key)).key).toBe(key);
  });

  it("keeps at least one active admin", async () => {
    const admin = await db().user.findUniqueOrThrow({ where: { email: "first@example.com" } });
    await expectDomainError(updateUser(SYSTEM, { id: admin.id, role: "VIEWER" }), "rule_violated");
    await expectDomainError(
      updateUser(actorFor({ ...admin, role: "ADMIN" }, "session"), { id: admin.id, disabled: true }),
      "rule_violated",
    );
  });
});

describe("API tokens", () => {
  it("are shown once, stored hashed, act as their owner and die when revoked or the owner is disabled", async () => {
    const { token, row } = await createApiToken(SYSTEM, { email: "vera@example.com", name: "sync" });
    expect(token).toMatch(/^emb_[A-Za-z0-9_-]{43}$/);
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: row.id }, omit: { tokenHash: false } });
    expect(stored.tokenHash).not.toContain(token);
    expect((await listApiTokens(SYSTEM))[0]).not.toHaveProperty("tokenHash");

    expect((await userForApiToken(token))?.user).toMatchObject({ email: "vera@example.com", role: "VIEWER" });
    expect(await userForApiToken(token.slice(0, -2))).toBeNull();
    expect(await userForApiToken("emb_" + "x".repeat(43))).toBeNull();

    const vera = await db().user.findUniqueOrThrow({ where: { email: "vera@example.com" } });
    await updateUser(SYSTEM, { id: vera.id, disabled: true });
    expect(await userForApiToken(token)).toBeNull();
    await updateUser(SYSTEM, { id: vera.id, disabled: false });
    expect(await userForApiToken(token)).not.toBeNull();

    await revokeApiToken(SYSTEM, row.id);
    expect(await userForApiToken(token)).toBeNull();
  });

  it("refuses tokens for unknown users", async () => {
    await expectDomainError(createApiToken(SYSTEM, { email: "ghost@example.com", name: "x" }), "not_found");
  });

  it("writes an audit entry for every change", async () => {
    const actions = (await db().auditLog.findMany({ select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "user.setup",
        "user.create",
        "user.update",
        "token.create",
        "token.revoke",
        "report.create",
      ]),
    );
  });
});

describe("sign-in", () => {
  it("goes through the throttle: a wait after a few failures, for this account from this address only", async () => {
    const { authOptions, SIGNIN_RATE_LIMITED } = await import("@/lib/server/auth/session");
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> };
    };
    const from = (address: string, password: string) =>
      provider.options.authorize(
        { email: "first@example.com", password },
        { headers: { "x-embargo-client-ip": address, "user-agent": "curl/8.5.0" } },
      );
    for (let i = 0; i < 4; i++) expect(await from("203.0.113.9", "wrong-password-123")).toBeNull();
    // the fourth failure began a wait: even the right password is not checked from there
    await expect(from("203.0.113.9", PASSWORD)).rejects.toThrow(new RegExp(`^${SIGNIN_RATE_LIMITED}:\\d+$`));
    // the real user, elsewhere, signs in
    expect(await from("198.51.100.7", PASSWORD)).toMatchObject({ id: expect.any(String), sid: expect.any(String) });
  });
});
