import { describe, expect, it } from "vitest";

import type { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/actor";
import { SYSTEM } from "@/lib/server/auth/actor";
import {
  deleteCannedResponse,
  listCannedForAdmin,
  listCannedResponses,
  saveCannedResponse,
} from "@/lib/server/canned/canned";

const handler: Actor = {
  kind: "user",
  via: "session",
  user: { id: "00000000-0000-7000-8000-00000000aaaa", email: "h@example.com", name: "H", role: "HANDLER" },
};

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

    const refused = await saveCannedResponse(handler, { name: "x", body: "y", visibility: "INTERNAL" }).catch(
      (e: unknown) => e,
    );
    expect((refused as DomainError).code).toBe("forbidden");
    const bad = await saveCannedResponse(SYSTEM, { name: "", body: "", visibility: "INTERNAL" }).catch(
      (e: unknown) => e,
    );
    expect(Object.keys((bad as DomainError).fields ?? {})).toEqual(["name", "body"]);

    await deleteCannedResponse(SYSTEM, created.id);
    expect((await listCannedForAdmin(SYSTEM)).some((c) => c.id === created.id)).toBe(false);
  });
});
