import { describe, expect, it } from "vitest";

import type { ChecklistFacts } from "./checklist";
import { policyChecklist } from "./checklist";

const fresh: ChecklistFacts = {
  status: "NEW",
  confirmedAt: null,
  affected: [],
  checklist: [],
  gate: { linesNotReady: [], linesNotReleased: [] },
};
const ranges = [{ package: "pkg", ranges: [{ introduced: "0", fixed: "1.2.3" }] }];
const gate = (linesNotReady: string[], linesNotReleased: string[] = []) => ({ linesNotReady, linesNotReleased });

const done = (facts: Partial<ChecklistFacts>) =>
  Object.fromEntries(policyChecklist({ ...fresh, ...facts }).map((item) => [item.id, item.done]));

describe("policyChecklist", () => {
  it("lists the policy's six steps in order, two of them ticked by hand", () => {
    expect(policyChecklist(fresh).map(({ id, manual }) => [id, manual ?? null])).toEqual([
      ["confirm", null],
      ["versions", null],
      ["audit", "audited"],
      ["fix", null],
      ["release", null],
      ["advisory", "advisory"],
    ]);
    expect(Object.values(done({}))).toEqual([false, false, false, false, false, false]);
  });

  it.each<[string, Partial<ChecklistFacts>, string, boolean]>([
    ["confirmed", { confirmedAt: "2026-01-02T00:00:00.000Z" }, "confirm", true],
    ["not confirmed", { confirmedAt: null }, "confirm", false],
    ["ranges entered", { affected: ranges }, "versions", true],
    ["no ranges", { affected: [] }, "versions", false],
    ["audit ticked", { checklist: ["audited"] }, "audit", true],
    ["advisory ticked is not the audit", { checklist: ["advisory"] }, "audit", false],
    ["every maintained line ready", { affected: ranges, gate: gate([]) }, "fix", true],
    ["a line not ready", { affected: ranges, gate: gate(["1.x"]) }, "fix", false],
    // with no ranges entered nothing counts as fixed, even with no line waiting
    ["no ranges, nothing waiting", { affected: [], gate: gate([]) }, "fix", false],
    ["fixed and released", { affected: ranges, gate: gate([], []) }, "release", true],
    ["fixed, not released", { affected: ranges, gate: gate([], ["2.x"]) }, "release", false],
    ["released lines but one not fixed", { affected: ranges, gate: gate(["1.x"], []) }, "release", false],
    ["no ranges, nothing waiting to release", { affected: [], gate: gate([], []) }, "release", false],
    ["advisory ticked", { checklist: ["advisory"] }, "advisory", true],
    ["disclosed without the tick", { status: "DISCLOSED" }, "advisory", true],
    ["closed without the tick", { status: "CLOSED" }, "advisory", false],
    ["release pending without the tick", { status: "RELEASE_PENDING" }, "advisory", false],
  ])("%s: %s done = %s", (_name, facts, id, expected) => {
    expect(done(facts)[id]).toBe(expected);
  });
});
