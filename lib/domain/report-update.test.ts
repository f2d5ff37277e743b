import { describe, expect, it } from "vitest";

import type { PlannedEvent, ReportChanges } from "./report-update";
import { planReportUpdate } from "./report-update";
import type { ReportBeforeUpdate, ReportPatch, UpdateFacts } from "./report-update-input";
import { EARLIER, NOW, ann, bob, member, report } from "./report-update.test-fixtures";

const CVSS = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

type Row = [
  string,
  Partial<ReportBeforeUpdate>,
  ReportPatch,
  UpdateFacts,
  { changes: ReportChanges; events?: PlannedEvent[]; mails?: string[] },
];

describe("planReportUpdate", () => {
  it.each<Row>([
    ["no-op patch", {}, { title: "XSS in the editor", labels: [] }, {}, { changes: {}, events: [] }],
    [
      "title change",
      {},
      { title: "Stored XSS" },
      {},
      {
        changes: { title: "Stored XSS" },
        events: [{ kind: "title_changed", data: { from: "XSS in the editor", to: "Stored XSS" } }],
      },
    ],
    [
      "assignee set",
      {},
      { assignee: ann.email },
      { assignee: member(ann) },
      { changes: { assigneeId: ann.id }, events: [{ kind: "assigned", data: { from: null, to: "Ann" } }] },
    ],
    [
      "assignee cleared",
      { assigneeId: ann.id, assignee: ann },
      { assignee: null },
      {},
      { changes: { assigneeId: null }, events: [{ kind: "assigned", data: { from: "Ann", to: null } }] },
    ],
    [
      "backup set",
      {},
      { backup: bob.email },
      { backup: member(bob, { role: "ADMIN" }) },
      { changes: { backupId: bob.id }, events: [{ kind: "backup_assigned", data: { from: null, to: "Bob" } }] },
    ],
    [
      "cvss sets the severity",
      {},
      { cvssVector: CVSS },
      {},
      {
        changes: { cvssVector: CVSS, cvssScore: 9.8, severity: "CRITICAL" },
        events: [
          { kind: "cvss_changed", data: { vector: CVSS, score: 9.8 } },
          { kind: "severity_changed", data: { from: null, to: "CRITICAL" } },
        ],
      },
    ],
    [
      "a severity given wins over the cvss score",
      {},
      { cvssVector: CVSS, severity: "LOW" },
      {},
      {
        changes: { cvssVector: CVSS, cvssScore: 9.8, severity: "LOW" },
        events: [
          { kind: "cvss_changed", data: { vector: CVSS, score: 9.8 } },
          { kind: "severity_changed", data: { from: null, to: "LOW" } },
        ],
      },
    ],
    [
      "clearing cvss keeps the severity",
      { cvssVector: CVSS, severity: "CRITICAL" },
      { cvssVector: null },
      {},
      { changes: { cvssVector: null, cvssScore: null }, events: [{ kind: "cvss_changed", data: { vector: null } }] },
    ],
    [
      "labels and CWEs are deduplicated",
      {},
      { labels: ["xss", "xss", "ui"], cweIds: ["CWE-79", "CWE-79"] },
      {},
      {
        changes: { cweIds: ["CWE-79"], labels: ["xss", "ui"] },
        events: [
          { kind: "cwe_changed", data: { to: ["CWE-79"] } },
          { kind: "labels_changed", data: { to: ["xss", "ui"] } },
        ],
      },
    ],
    [
      "checklist sorted; the same items in another order change nothing",
      { checklist: ["audited", "advisory"] },
      { checklist: ["advisory", "audited", "advisory"] },
      {},
      { changes: {}, events: [] },
    ],
    [
      "checklist set, sorted",
      {},
      { checklist: ["audited", "advisory"] },
      {},
      {
        changes: { checklist: ["advisory", "audited"] },
        events: [{ kind: "checklist_changed", data: { to: ["advisory", "audited"] } }],
      },
    ],
    [
      "identifiers",
      { ghsaId: "GHSA-aaaa-bbbb-cccc" },
      { cveId: "CVE-2026-1234", ghsaId: "GHSA-aaaa-bbbb-cccc", advisoryUrl: null },
      {},
      {
        changes: { cveId: "CVE-2026-1234" },
        events: [{ kind: "identifier_changed", data: { field: "cveId", to: "CVE-2026-1234" } }],
      },
    ],
    [
      "duplicateOf set (a timeline event, audited)",
      {},
      { duplicateOf: "SEC-2026-0007" },
      { duplicateTarget: { id: "r-7", key: "SEC-2026-0007" } },
      {
        changes: { duplicateOfId: "r-7" },
        events: [{ kind: "duplicate_marked", data: { from: null, to: "SEC-2026-0007" } }],
      },
    ],
    [
      "third party set",
      {},
      { thirdParty: { name: "left-pad", contact: "" } },
      {},
      { changes: { thirdPartyName: "left-pad", thirdPartyContact: null }, events: [] },
    ],
    [
      "waiting on the reporter starts",
      {},
      { waitingOnReporter: true },
      {},
      { changes: { waitingOnReporter: true, waitingSince: NOW }, events: [{ kind: "waiting_started" }] },
    ],
    [
      "waiting ends: the paused time is added",
      { waitingOnReporter: true, pausedSeconds: 100 },
      { waitingOnReporter: false },
      { pausedSeconds: 3600 },
      {
        changes: { waitingOnReporter: false, waitingSince: null, pausedSeconds: 3700 },
        events: [{ kind: "waiting_ended" }],
      },
    ],
    [
      "acknowledging sends the acknowledgment",
      { status: "NEW", acknowledgedAt: null },
      { status: "TRIAGE" },
      {},
      {
        changes: { status: "TRIAGE", acknowledgedAt: NOW, lastUpdateAt: NOW },
        events: [{ kind: "status_changed", data: { from: "NEW", to: "TRIAGE" } }],
        mails: ["acknowledgment"],
      },
    ],
    [
      "confirming stamps confirmedAt",
      { assigneeId: ann.id, assignee: ann, severity: "HIGH" },
      { status: "CONFIRMED" },
      {},
      {
        changes: { status: "CONFIRMED", confirmedAt: NOW },
        events: [{ kind: "status_changed", data: { from: "TRIAGE", to: "CONFIRMED" } }],
      },
    ],
    [
      "disclosing stamps, keeps an earlier release date and tells the reporter",
      { status: "RELEASE_PENDING", assigneeId: ann.id, severity: "HIGH", confirmedAt: EARLIER, releasedAt: EARLIER },
      { status: "DISCLOSED" },
      { linesNotReady: [], linesNotReleased: [] },
      {
        changes: {
          status: "DISCLOSED",
          disclosedAt: NOW,
          releasedAt: EARLIER,
          lastUpdateAt: NOW,
          firstResponseAt: NOW,
        },
        events: [{ kind: "status_changed", data: { from: "RELEASE_PENDING", to: "DISCLOSED" } }],
        mails: ["disclosed"],
      },
    ],
    [
      "closing sets the resolution and tells the reporter",
      { firstResponseAt: EARLIER },
      { status: "CLOSED", resolution: "REJECTED" },
      {},
      {
        changes: { status: "CLOSED", closedAt: NOW, resolution: "REJECTED", lastUpdateAt: NOW },
        events: [
          {
            kind: "status_changed",
            data: { from: "TRIAGE", to: "CLOSED", resolution: "REJECTED", resolutionText: expect.any(String) },
          },
        ],
        mails: ["closed_rejected"],
      },
    ],
    [
      "reopening clears the closing and is recorded as backwards",
      { status: "CLOSED", resolution: "WITHDRAWN", firstResponseAt: EARLIER },
      { status: "TRIAGE" },
      {},
      {
        changes: { status: "TRIAGE", closedAt: null, resolution: null },
        events: [{ kind: "status_changed", data: { from: "CLOSED", to: "TRIAGE", backwards: true } }],
      },
    ],
  ])("%s", (_, over, patch, facts, expected) => {
    const plan = planReportUpdate(report(over), patch, facts, NOW);
    expect(plan.changes).toEqual(expected.changes);
    if (expected.events) expect(plan.events).toEqual(expected.events);
    expect(plan.mails.map((m) => m.template)).toEqual(expected.mails ?? []);
  });
});
