import { describe, expect, it } from "vitest";

import { DEFAULT_POLICY } from "@/lib/domain/sla";
import { SYSTEM } from "@/lib/server/auth/actor";
import { getReport } from "@/lib/server/reports/detail";
import { submitReport } from "@/lib/server/reports/intake";
import { listPolicies, savePolicy } from "@/lib/server/sla/policy";
import { expectDomainError } from "@/tests/helpers/errors";

const base = {
  ...DEFAULT_POLICY,
  calendar: "CALENDAR" as const,
  timeZone: "UTC",
  holidays: [],
};
const ackDue = async (key: string) => {
  const r = await getReport(SYSTEM, key);
  return Date.parse(r.sla[0]!.dueAt!) - Date.parse(r.receivedAt);
};

describe("SLA policy versions", () => {
  it("apply to reports received after them, never rewriting a promise already made", async () => {
    const before = await submitReport({ title: "Before", body: "b", reporterEmail: "r@example.org" });
    expect(await ackDue(before.key)).toBe(48 * 3_600_000);

    const v2 = await savePolicy(SYSTEM, { ...base, acknowledgeHours: 24 });
    expect(v2.version).toBe(2);
    const after = await submitReport({ title: "After", body: "b", reporterEmail: "r@example.org" });
    expect(await ackDue(after.key)).toBe(24 * 3_600_000);
    expect(await ackDue(before.key)).toBe(48 * 3_600_000);

    const { instance, history } = await listPolicies(SYSTEM);
    expect(instance?.version).toBe(2);
    expect(history.map((h) => h.version)).toEqual([2, 1]);
  });

  it("refuses unknown time zones, bad dates and zero hours with the field named", async () => {
    for (const [input, field] of [
      [{ ...base, timeZone: "Mars/Olympus" }, "timeZone"],
      [{ ...base, holidays: ["24.12.2026"] }, "holidays.0"],
      [{ ...base, acknowledgeHours: 0 }, "acknowledgeHours"],
      [{ ...base, project: "nope" }, "project"],
    ] as [Record<string, unknown>, string][]) {
      const error = await expectDomainError(savePolicy(SYSTEM, input as never));
      expect(error.fields).toHaveProperty(field);
    }
  });
});
