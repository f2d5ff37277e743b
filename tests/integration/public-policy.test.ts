import { beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_POLICY } from "@/lib/domain/sla";
import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { createProject, updateProject } from "@/lib/server/projects/projects";
import { getPublicPolicy, publicSettings, savePublicSettings } from "@/lib/server/security/public-page";
import { savePolicy } from "@/lib/server/sla/policy";
import { createActor } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";
import { makeReport } from "@/tests/helpers/reports";

const HOUR = 3_600_000;
const now = new Date();
const hoursAgo = (h: number) => new Date(now.getTime() - h * HOUR);
const clocks = {
  ...DEFAULT_POLICY,
  calendar: "CALENDAR" as const,
  timeZone: "UTC",
  holidays: [],
};

/** A report received `receivedH` hours ago and acknowledged `ackAfterH` hours after that (null: not yet). */
async function reportAcknowledged(receivedH: number, ackAfterH: number | null, project?: string) {
  const { key } = await makeReport({ project });
  await db().report.update({
    where: { key },
    data: {
      receivedAt: hoursAgo(receivedH),
      acknowledgedAt: ackAfterH === null ? null : hoursAgo(receivedH - ackAfterH),
      status: ackAfterH === null ? "NEW" : "TRIAGE",
    },
  });
}

beforeAll(async () => {
  await savePolicy(SYSTEM, { ...clocks, text: "We acknowledge every report within 48 hours." });
  await createProject(SYSTEM, { slug: "left-pad", name: "left-pad" });
});

describe("the policy text", () => {
  it("is kept with each version and carried to the next one unless edited", async () => {
    const v2 = await savePolicy(SYSTEM, { ...clocks, updateDays: 5 });
    expect(v2.policyText).toBe("We acknowledge every report within 48 hours.");
    const v3 = await savePolicy(SYSTEM, { ...clocks, text: "  " });
    expect(v3.policyText).toBeNull();
    const v4 = await savePolicy(SYSTEM, { ...clocks, text: "We acknowledge every report within 48 hours." });
    expect((await getPublicPolicy(null)).text).toBe(v4.policyText);
  });

  it("refuses a text over 50,000 characters on its field", async () => {
    const error = await expectDomainError(savePolicy(SYSTEM, { ...clocks, text: "x".repeat(50_001) }), "bad_request");
    expect(Object.keys(error.fields ?? {})).toEqual(["text"]);
  });
});

describe("the promise record", () => {
  it("hides a clock's figure under ten decided reports, then shows the share kept in the last 90 days", async () => {
    for (let i = 0; i < 8; i++) await reportAcknowledged(200, 10);
    await reportAcknowledged(200, 60); // late
    await reportAcknowledged(100, null); // unanswered, past due: broken
    await reportAcknowledged(10, null); // still running: not counted
    await reportAcknowledged(24 * 100, 1); // outside the window
    const before = (await getPublicPolicy(null, now)).record.find((t) => t.clock === "acknowledge");
    expect(before).toEqual({ clock: "acknowledge", counted: 10, met: 8, pctMet: 80 });

    // one report fewer decided: hidden
    await db().report.updateMany({
      where: { acknowledgedAt: null, receivedAt: { lt: hoursAgo(50) } },
      data: { receivedAt: hoursAgo(24 * 100) },
    });
    const after = (await getPublicPolicy(null, now)).record.find((t) => t.clock === "acknowledge");
    expect(after).toEqual({ clock: "acknowledge", counted: 9, met: 8, pctMet: null });
  });

  it("counts only a project's own reports on its page, which shows the instance policy when it has none", async () => {
    await reportAcknowledged(200, 1, "left-pad");
    const page = await getPublicPolicy("left-pad", now);
    expect(page.project).toEqual({ slug: "left-pad", name: "left-pad" });
    expect(page.text).toBe("We acknowledge every report within 48 hours.");
    expect(page.record.find((t) => t.clock === "acknowledge")).toMatchObject({ counted: 1, met: 1, pctMet: null });
  });

  it("answers 404 for an unknown or archived project", async () => {
    await expectDomainError(getPublicPolicy("nope"), "not_found");
    const admin = await createActor("ADMIN");
    await createProject(admin, { slug: "gone", name: "Gone" });
    await updateProject(admin, "gone", { archived: true });
    await expectDomainError(getPublicPolicy("gone"), "not_found");
    expect((await getPublicPolicy(null)).projects.map((p) => p.slug)).toEqual(["left-pad"]);
  });
});

describe("the public settings", () => {
  it("are saved by admins only, and refuse an http:// key address", async () => {
    const admin = await createActor("ADMIN");
    const handler = await createActor("HANDLER");
    await expectDomainError(savePublicSettings(handler, { preferredLanguages: "en", encryption: "" }), "forbidden");
    await expectDomainError(
      savePublicSettings(admin, { preferredLanguages: "en", encryption: "http://example.org/key.asc" }),
      "bad_request",
      { encryption: expect.stringMatching(/https:/) as unknown as string },
    );
    await savePublicSettings(admin, { preferredLanguages: "en, de", encryption: "https://example.org/key.asc" });
    expect(await publicSettings()).toEqual({ preferredLanguages: "en, de", encryption: "https://example.org/key.asc" });
  });
});
