import { describe, expect, it } from "vitest";

import { SYSTEM } from "@/lib/server/auth/actor";
import { resolveSession, startSession } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/infra/db";
import { changePassword, getMe, updateMe } from "@/lib/server/users/account";
import { verifyCredentials } from "@/lib/server/users/users";
import { TEST_PASSWORD, createActor } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";

// One's own account: GET/PATCH /api/v1/me and the password change on /account.

describe("your account", () => {
  it("reads and changes your name and team-mail choices, for every role, and audits it", async () => {
    const vera = await createActor("VIEWER", { email: "vera@example.com", name: "Vera" });
    expect(await getMe(vera)).toEqual({
      id: vera.user.id,
      email: "vera@example.com",
      name: "Vera",
      role: "VIEWER",
      mail: { newReport: true, assigned: true, reply: true, sla: true },
    });
    const after = await updateMe(vera, { name: " Vera Lind ", mail: { newReport: false, sla: false } });
    expect(after).toMatchObject({
      name: "Vera Lind",
      mail: { newReport: false, assigned: true, reply: true, sla: false },
    });
    expect(await db().user.findUniqueOrThrow({ where: { id: vera.user.id } })).toMatchObject({
      mailNewReport: false,
      mailSla: false,
    });
    expect(await db().auditLog.count({ where: { entityId: vera.user.id, action: "user.update_self" } })).toBe(1);
  });

  it("refuses anonymous callers, the shell, unknown fields and bad values", async () => {
    const hana = await createActor("HANDLER");
    await expectDomainError(getMe(null), "unauthenticated");
    await expectDomainError(getMe(SYSTEM), "forbidden");
    await expectDomainError(updateMe(hana, { role: "ADMIN" }), "bad_request");
    await expectDomainError(updateMe(hana, { mail: { newReport: "no" } }), "bad_request");
    await expectDomainError(updateMe(hana, { mail: { everything: false } }), "bad_request");
    await expectDomainError(updateMe(hana, { name: "  " }), "bad_request");
    expect((await getMe(hana)).role).toBe("HANDLER");
  });

  it("changes the password only with the current one, in a session, and ends every session", async () => {
    const ann = await createActor("HANDLER", { email: "ann@example.com", via: "session" });
    const byToken = { ...ann, via: "token" as const };
    const password = "a-new-long-password-99";
    await expectDomainError(changePassword(byToken, { currentPassword: TEST_PASSWORD, password }), "forbidden");
    await expectDomainError(changePassword(ann, { currentPassword: "wrong-password-1234", password }), "bad_request");
    await expectDomainError(changePassword(ann, { currentPassword: TEST_PASSWORD, password: "short" }), "bad_request");
    expect(await verifyCredentials("ann@example.com", TEST_PASSWORD)).not.toBeNull();

    const signedIn = await startSession(ann.user.id, {});
    await changePassword(ann, { currentPassword: TEST_PASSWORD, password });
    expect(await verifyCredentials("ann@example.com", password)).not.toBeNull();
    expect(await verifyCredentials("ann@example.com", TEST_PASSWORD)).toBeNull();
    expect(await resolveSession(signedIn)).toBeNull();
    expect(await db().auditLog.count({ where: { entityId: ann.user.id, action: "user.password_change" } })).toBe(1);
  });
});
