import { describe, expect, it } from "vitest";

import { planReportUpdate } from "./report-update";
import type { ReportBeforeUpdate, ReportPatch, UpdateFacts } from "./report-update-input";
import { updateFactsNeeded } from "./report-update-input";
import { ann, bob, member, NOW, report } from "./report-update.test-fixtures";
import { ACK_TEXT, DISCLOSED_TEXT, closingText } from "./reporter-texts";

describe("planReportUpdate: refusals, mails, audit and facts", () => {
  it.each<[string, Partial<ReportBeforeUpdate>, ReportPatch, UpdateFacts, string, string]>([
    [
      "unknown assignee",
      {},
      { assignee: "x@example.org" },
      { assignee: null },
      "bad_request",
      "x@example.org is not an active handler or admin.",
    ],
    [
      "viewer as backup",
      {},
      { backup: bob.email },
      { backup: member(bob, { role: "VIEWER" }) },
      "bad_request",
      "bob@example.org is not an active handler or admin.",
    ],
    [
      "disabled assignee",
      {},
      { assignee: ann.email },
      { assignee: member(ann, { disabled: true }) },
      "bad_request",
      "ann@example.org is not an active handler or admin.",
    ],
    ["bad cvss", {}, { cvssVector: "nonsense" }, {}, "bad_request", ""],
    [
      "duplicate of itself",
      {},
      { duplicateOf: "SEC-2026-0001" },
      { duplicateTarget: { id: "r-1", key: "SEC-2026-0001" } },
      "bad_request",
      "SEC-2026-0001 is not another report.",
    ],
    [
      "duplicate of nothing",
      {},
      { duplicateOf: "SEC-2026-0099" },
      { duplicateTarget: null },
      "bad_request",
      "SEC-2026-0099 is not another report.",
    ],
    [
      "resolution only when closing",
      {},
      { resolution: "REJECTED" },
      {},
      "bad_request",
      "A resolution is set only when closing the report.",
    ],
    [
      "refused transition",
      {},
      { status: "DISCLOSED" },
      {},
      "rule_violated",
      "A report is disclosed from Release pending, once its fixes are released.",
    ],
  ])("refuses: %s", (_, over, patch, facts, code, message) => {
    let error: unknown;
    try {
      planReportUpdate(report(over), patch, facts, NOW);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code });
    if (message) expect((error as Error).message).toBe(message);
  });

  it("mails the texts of the policy", () => {
    const ack = planReportUpdate(report({ status: "NEW", acknowledgedAt: null }), { status: "TRIAGE" }, {}, NOW);
    expect(ack.mails).toEqual([{ template: "acknowledgment", text: ACK_TEXT }]);
    const closed = planReportUpdate(
      report(),
      { status: "CLOSED", resolution: "THIRD_PARTY", thirdParty: { name: "left-pad", contact: "a@b.c" } },
      {},
      NOW,
    );
    expect(closed.mails).toEqual([
      { template: "closed_third_party", text: closingText("THIRD_PARTY", { name: "left-pad", contact: "a@b.c" }) },
    ]);
    expect(closed.mails[0]!.text).toContain("left-pad (a@b.c)");
    expect(DISCLOSED_TEXT).toMatch(/released/);
  });

  it("audits before and after of each changed field", () => {
    const plan = planReportUpdate(report(), { title: "New", waitingOnReporter: true }, {}, NOW);
    expect(plan.audit).toEqual({
      before: { title: "XSS in the editor", waitingOnReporter: false },
      after: { title: "New", waitingOnReporter: true },
    });
  });

  it("names the facts a patch needs loaded", () => {
    expect(updateFactsNeeded(report(), { assignee: ann.email, duplicateOf: "nonsense", status: "TRIAGE" })).toEqual({
      assignee: ann.email,
      backup: null,
      duplicateTarget: null,
      gate: false,
      move: false,
      pausedTime: false,
    });
    expect(updateFactsNeeded(report(), { project: "express" })).toMatchObject({ move: true });
    expect(updateFactsNeeded(report(), { project: null })).toMatchObject({ move: false });
    expect(updateFactsNeeded(report({ project: { slug: "express" } }), { project: "express" })).toMatchObject({
      move: false,
    });
    expect(updateFactsNeeded(report({ project: { slug: "express" } }), { project: null })).toMatchObject({
      move: true,
    });
    expect(
      updateFactsNeeded(report({ waitingOnReporter: true }), {
        status: "CLOSED",
        waitingOnReporter: false,
        duplicateOf: "SEC-2026-0001",
      }),
    ).toMatchObject({
      duplicateTarget: "SEC-2026-0001",
      gate: true,
      pausedTime: true,
    });
  });

  it("refuses a project that does not exist", () => {
    const move = { from: null, to: null, report: { affected: [], overrides: [] } };
    expect(() => planReportUpdate(report(), { project: "nope" }, { move }, NOW)).toThrow('Unknown project "nope".');
  });

  it("moves a report and lists what goes with the old project", () => {
    const express = { id: "p-ex", slug: "express", name: "Express", packageName: "express", lineIds: ["l-4"] };
    const site = { id: "p-site", slug: "site", name: "Website", packageName: null, lineIds: [] };
    const held = {
      affected: [{ id: "a-1", package: "express", events: [{ introduced: "4.0.0" }] }],
      overrides: [{ id: "o-1", lineId: "l-4", lineName: "4.x" }],
    };
    const plan = planReportUpdate(
      report({ project: { slug: "express" } }),
      { project: "site" },
      { move: { from: express, to: site, report: held } },
      NOW,
    );
    expect(plan.changes).toEqual({ projectId: "p-site" });
    expect(plan.move).toEqual({ removeRangeIds: ["a-1"], removeOverrideIds: ["o-1"] });
    expect(plan.events).toEqual([
      {
        kind: "project_changed",
        data: {
          from: "express",
          fromName: "Express",
          to: "site",
          toName: "Website",
          removedRanges: [{ package: "express", ranges: [{ introduced: "4.0.0" }] }],
          removedOverrides: ["4.x"],
        },
      },
    ]);
    expect(plan.audit).toEqual({ before: { project: "express" }, after: { project: "site" } });
  });

  it("holds a report without a project at the release gate while projects exist", () => {
    const fixing = report({ status: "FIXING", assigneeId: ann.id, assignee: ann, severity: "HIGH" });
    expect(() => planReportUpdate(fixing, { status: "RELEASE_PENDING" }, { projectsExist: true }, NOW)).toThrow(
      "Release pending needs the report in a project",
    );
    expect(planReportUpdate(fixing, { status: "RELEASE_PENDING" }, { projectsExist: false }, NOW).changes.status).toBe(
      "RELEASE_PENDING",
    );
    const moving = {
      move: {
        from: null,
        to: { id: "p-site", slug: "site", name: "Website", packageName: null, lineIds: [] },
        report: { affected: [], overrides: [] },
      },
      projectsExist: true,
    };
    expect(planReportUpdate(fixing, { status: "RELEASE_PENDING", project: "site" }, moving, NOW).changes).toMatchObject(
      { status: "RELEASE_PENDING", projectId: "p-site" },
    );
  });
});
