import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/server/auth/actor";
import { SYSTEM } from "@/lib/server/auth/actor";
import {
  deleteCannedResponse,
  listCannedForAdmin,
  listCannedResponses,
  saveCannedResponse,
} from "@/lib/server/canned/canned";
import { createActor } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";

let handler: Actor;

beforeAll(async () => {
  handler = await createActor("HANDLER", { email: "h@example.com", name: "H", via: "session" });
});

describe("canned responses", () => {
  it("come with the policy's defaults and are edited by admins only", async () => {
    const defaults = await listCannedResponses(handler);
    expect(defaults.map((c) => c.slug)).toEqual([
      "acknowledgment",
      "more-information",
      "detailed-response",
      "fix-released",
      "third-party",
      "not-vulnerability",
    ]);

    const created = await saveCannedResponse(SYSTEM, {
      name: "Embargo date",
      body: "We plan to publish on {date}.",
      visibility: "REPORTER",
    });
    expect(created.slug).toBe("embargo-date");
    await saveCannedResponse(SYSTEM, {
      id: created.id,
      name: "Embargo date",
      body: "We plan to publish next week.",
      visibility: "REPORTER",
    });
    expect((await listCannedForAdmin(SYSTEM)).find((c) => c.id === created.id)?.body).toBe(
      "We plan to publish next week.",
    );

    await expectDomainError(saveCannedResponse(handler, { name: "x", body: "y", visibility: "INTERNAL" }), "forbidden");
    const bad = await expectDomainError(saveCannedResponse(SYSTEM, { name: "", body: "", visibility: "INTERNAL" }));
    expect(Object.keys(bad.fields ?? {})).toEqual(["name", "body"]);

    await deleteCannedResponse(SYSTEM, created.id);
    expect((await listCannedForAdmin(SYSTEM)).some((c) => c.id === created.id)).toBe(false);
  });
});
