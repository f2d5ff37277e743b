import { describe, expect, it } from "vitest";

import type { SlaPolicy } from "./sla";
import { DEFAULT_POLICY } from "./sla";
import { policyDifferences, policyNote } from "./sla-policy-note";

const business: SlaPolicy["calendar"] = { mode: "BUSINESS", timeZone: "Europe/Berlin", holidays: [] };

describe("policyDifferences", () => {
  it.each<[string, Partial<SlaPolicy>, string[]]>([
    ["same policy", {}, []],
    ["faster acknowledgment", { acknowledgeHours: 24 }, ["acknowledge 48 h → 24 h"]],
    [
      "response and updates",
      { responseHours: 72, updateDays: 3 },
      ["detailed response 48 h → 72 h", "keep informed every 7 d → every 3 d"],
    ],
    [
      "fix days by severity",
      { fixDaysCritical: 3, fixDaysLow: 365 },
      ["fix critical 7 d → 3 d", "fix low 180 d → 365 d"],
    ],
    ["business days", { calendar: business }, ["counting calendar hours → business days (Europe/Berlin)"]],
    [
      "calendar hours written out equal the default",
      { calendar: { mode: "CALENDAR", timeZone: "UTC", holidays: [] } },
      [],
    ],
  ])("%s", (_name, current, expected) => {
    expect(policyDifferences(DEFAULT_POLICY, { ...DEFAULT_POLICY, ...current })).toEqual(expected);
  });
});

describe("policyNote", () => {
  it("says nothing when the policies agree", () => {
    expect(policyNote(DEFAULT_POLICY, { ...DEFAULT_POLICY }, "Express")).toBeNull();
  });

  it("names the project and each difference", () => {
    expect(policyNote(DEFAULT_POLICY, { ...DEFAULT_POLICY, acknowledgeHours: 24 }, "Express")).toBe(
      "The clocks keep the promise made when this report arrived. Express’s policy now differs: acknowledge 48 h → 24 h.",
    );
  });

  it("speaks of the policy in force without a project", () => {
    expect(policyNote({ ...DEFAULT_POLICY, acknowledgeHours: 24 }, DEFAULT_POLICY, null)).toBe(
      "The clocks keep the promise made when this report arrived. The policy in force now differs: acknowledge 24 h → 48 h.",
    );
  });
});
