import { describe, expect, it } from "vitest";

import { eventsOfUpdate, webhookBackoffMs, webhookPayload, webhookUrlProblem } from "./webhooks";

describe("eventsOfUpdate", () => {
  it.each([
    [{ status: "NEW" }, { status: "TRIAGE" }, ["report.status_changed"]],
    [{ status: "RELEASE_PENDING" }, { status: "DISCLOSED" }, ["report.status_changed", "report.disclosed"]],
    [{ status: "NEW" }, { status: "NEW" }, []],
    [{ status: "NEW" }, { assigneeId: "u1" }, ["report.assigned"]],
    [{ status: "NEW" }, { backupId: null }, ["report.assigned"]],
    [{ status: "NEW" }, { status: "TRIAGE", assigneeId: "u1" }, ["report.status_changed", "report.assigned"]],
    [{ status: "FIXING" }, {}, []],
  ])("%o changed by %o raises %o", (before, changes, types) => {
    expect(eventsOfUpdate(before, changes).map((e) => e.type)).toEqual(types);
  });

  it("names the status it came from", () => {
    expect(eventsOfUpdate({ status: "NEW" }, { status: "TRIAGE" })[0]!.extra).toEqual({ previousStatus: "NEW" });
  });
});

describe("webhookUrlProblem", () => {
  it.each([
    ["https://hooks.example.org/embargo", null],
    ["http://10.0.0.5:8080/in", null],
    ["ftp://example.org/x", /http/],
    ["javascript:alert(1)", /http/],
    ["not a url", /full URL/],
    ["https://user:pw@example.org/", /password/],
    [`https://example.org/${"a".repeat(2000)}`, /too long/],
  ])("%s", (url, problem) => {
    const got = webhookUrlProblem(url);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toMatch(problem);
  });
});

describe("webhookPayload", () => {
  it("carries key, title, project, status and a link, and what the event adds", () => {
    const at = new Date("2026-12-06T10:00:00Z");
    expect(
      webhookPayload(
        "report.created",
        { key: "SEC-2026-0001", title: "T", status: "NEW", project: "express" },
        "https://e.org",
        at,
        {
          x: 1,
        },
      ),
    ).toEqual({
      type: "report.created",
      timestamp: "2026-12-06T10:00:00.000Z",
      data: {
        key: "SEC-2026-0001",
        title: "T",
        status: "NEW",
        project: "express",
        url: "https://e.org/reports/SEC-2026-0001",
        x: 1,
      },
    });
  });
});

it("backs off from 30 s, doubling, to at most 6 h", () => {
  expect([1, 2, 3].map(webhookBackoffMs)).toEqual([30_000, 60_000, 120_000]);
  expect(webhookBackoffMs(30)).toBe(6 * 3_600_000);
});
