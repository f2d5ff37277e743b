import { describe, expect, it } from "vitest";

import type { TransitionFacts } from "./transitions";
import { checkTransition, dropTargets, reportFacts } from "./transitions";
import type { Status } from "./workflow";

const facts = (over: Partial<TransitionFacts> = {}): TransitionFacts => ({
  hasHandler: true,
  severity: "HIGH",
  acknowledged: true,
  resolution: null,
  duplicateOf: null,
  thirdPartyName: null,
  linesNotReady: [],
  linesNotReleased: [],
  ...over,
});

const bare = facts({ hasHandler: false, severity: null, acknowledged: false });

describe("transitions", () => {
  it.each<[Status, Status, Partial<TransitionFacts>, string | null]>([
    // acknowledgment
    ["NEW", "TRIAGE", { hasHandler: false, severity: null, acknowledged: false }, null],
    ["NEW", "DISCLOSED", {}, "A report is disclosed from Release pending, once its fixes are released."],
    ["NEW", "FIXING", {}, "Confirm the report before moving it to Fixing."],
    ["NEW", "CONFIRMED", { hasHandler: false, severity: null }, "Confirming needs a primary handler and a severity."],
    ["NEW", "CONFIRMED", {}, null],
    // confirmation
    ["TRIAGE", "CONFIRMED", { hasHandler: false }, "Confirming needs a primary handler."],
    ["TRIAGE", "CONFIRMED", { severity: null }, "Confirming needs a severity."],
    ["TRIAGE", "CONFIRMED", {}, null],
    ["TRIAGE", "RELEASE_PENDING", {}, "Confirm the report before moving it to Release pending."],
    // release gate
    [
      "FIXING",
      "RELEASE_PENDING",
      { linesNotReady: ["4.x", "5.x"] },
      "Release pending needs every maintained line fixed, not affected or marked won't fix with a reason. Not yet: 4.x, 5.x.",
    ],
    ["CONFIRMED", "RELEASE_PENDING", {}, null],
    ["FIXING", "RELEASE_PENDING", {}, null],
    [
      "RELEASE_PENDING",
      "DISCLOSED",
      { linesNotReleased: ["5.x"] },
      "Disclosing needs the fixes released. Not released yet: 5.x.",
    ],
    ["RELEASE_PENDING", "DISCLOSED", {}, null],
    [
      "RELEASE_PENDING",
      "DISCLOSED",
      { linesNotReady: ["4.x"] },
      "Disclosing needs every maintained line fixed, not affected or marked won't fix with a reason. Not yet: 4.x.",
    ],
    ["FIXING", "DISCLOSED", {}, "A report is disclosed from Release pending, once its fixes are released."],
    // no project (while projects exist): no release lines say what must be fixed
    [
      "FIXING",
      "RELEASE_PENDING",
      { noProject: true },
      "Release pending needs the report in a project: its release lines say what must be fixed. Pick the project first.",
    ],
    [
      "RELEASE_PENDING",
      "DISCLOSED",
      { noProject: true },
      "Disclosing needs the report in a project: its release lines say what must be fixed. Pick the project first.",
    ],
    ["TRIAGE", "CONFIRMED", { noProject: true }, null],
    ["FIXING", "CLOSED", { noProject: true, resolution: "REJECTED" }, null],
    // moving back
    ["FIXING", "TRIAGE", {}, null],
    ["RELEASE_PENDING", "FIXING", {}, null],
    ["DISCLOSED", "FIXING", {}, null],
    ["TRIAGE", "NEW", {}, "A report cannot go back to New: it has been acknowledged. Move it to Triage."],
    ["FIXING", "CONFIRMED", { hasHandler: false }, "Confirmed needs a confirmed report: it needs a primary handler."],
    // closing and reopening
    ["TRIAGE", "CLOSED", {}, "Closing needs a resolution: not a vulnerability, duplicate, third party or withdrawn."],
    ["TRIAGE", "CLOSED", { resolution: "REJECTED" }, null],
    ["NEW", "CLOSED", { resolution: "WITHDRAWN" }, null],
    ["TRIAGE", "CLOSED", { resolution: "DUPLICATE" }, "Closing as a duplicate needs the key of the original report."],
    ["TRIAGE", "CLOSED", { resolution: "DUPLICATE", duplicateOf: "SEC-2026-0001" }, null],
    [
      "TRIAGE",
      "CLOSED",
      { resolution: "THIRD_PARTY" },
      "Closing as third party needs the maintainer to redirect the reporter to.",
    ],
    ["TRIAGE", "CLOSED", { resolution: "THIRD_PARTY", thirdPartyName: "multer" }, null],
    [
      "DISCLOSED",
      "CLOSED",
      { resolution: "REJECTED" },
      "A disclosed report stays disclosed: it was fixed and announced.",
    ],
    ["CLOSED", "TRIAGE", {}, null],
    ["CLOSED", "FIXING", {}, "A closed report reopens to Triage."],
    ["TRIAGE", "TRIAGE", {}, "The report is already in Triage."],
  ])("%s → %s with %j: %s", (from, to, over, reason) => {
    const result = checkTransition(from, to, facts(over));
    if (reason === null) expect(result).toMatchObject({ ok: true });
    else expect(result).toEqual({ ok: false, reason });
  });

  it("acknowledges when leaving NEW forward, once", () => {
    expect(checkTransition("NEW", "TRIAGE", bare)).toMatchObject({
      ok: true,
      effects: { acknowledge: true, backwards: false },
    });
    expect(checkTransition("NEW", "CONFIRMED", facts({ acknowledged: false }))).toMatchObject({
      effects: { acknowledge: true, stampConfirmed: true },
    });
    expect(checkTransition("CLOSED", "TRIAGE", facts())).toMatchObject({
      effects: { acknowledge: false, reopen: true, backwards: true },
    });
  });

  it("stamps and notifies on disclosure and closing", () => {
    expect(checkTransition("RELEASE_PENDING", "DISCLOSED", facts())).toMatchObject({
      effects: { stampDisclosed: true, notifyReporter: "disclosed" },
    });
    expect(checkTransition("TRIAGE", "CLOSED", facts({ resolution: "REJECTED" }))).toMatchObject({
      effects: { stampClosed: true, notifyReporter: "closed" },
    });
  });

  it("lists the drop targets of a card with reasons", () => {
    const targets = dropTargets("NEW", bare);
    expect(targets.TRIAGE).toEqual({ ok: true });
    expect(targets.CONFIRMED).toEqual({ ok: false, reason: "Confirming needs a primary handler and a severity." });
    expect(targets.NEW.ok).toBe(false);
    expect(targets.CLOSED).toEqual({ ok: true });
    expect(dropTargets("DISCLOSED", facts()).CLOSED.ok).toBe(false);
  });
});

describe("reportFacts", () => {
  it.each<[string, Parameters<typeof reportFacts>[0], Partial<TransitionFacts>]>([
    ["an unassigned, unrated, new report", { assignee: null, severity: null, acknowledgedAt: null }, {}],
    [
      "an assigned, rated, acknowledged report",
      { assignee: { email: "a@example.com", name: "A" }, severity: "HIGH", acknowledgedAt: "2026-01-01T00:00:00.000Z" },
      { hasHandler: true, severity: "HIGH", acknowledged: true },
    ],
    [
      "a rated report nobody handles yet",
      { assignee: null, severity: "LOW", acknowledgedAt: null },
      { severity: "LOW" },
    ],
  ])("%s", (_name, report, over) => {
    expect(reportFacts(report)).toEqual({ ...bare, ...over });
  });
});
