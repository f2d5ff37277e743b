import { beforeAll, describe, expect, it } from "vitest";

import { mostUrgentView } from "@/lib/clock-view";
import { SYSTEM } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { listBoard } from "@/lib/server/reports/board";
import { listReports } from "@/lib/server/reports/list";
import { DEMO_USERS, seedDemo } from "@/lib/server/seed/demo";
import { actorFor } from "@/tests/helpers/actors";
import { expectDomainError } from "@/tests/helpers/errors";

let hana: Actor;

beforeAll(async () => {
  await seedDemo();
  const row = await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS[1].email } });
  hana = actorFor(row);
});

describe("the demo data and the report list", () => {
  it("seeds about thirty reports in every state, once", async () => {
    expect(await seedDemo()).toMatch(/already/);
    const byStatus = await db().report.groupBy({ by: ["status"], _count: true });
    expect(byStatus).toHaveLength(7);
    expect(await db().report.count()).toBe(30);
  });

  it("pages with a cursor, newest first, without gaps or repeats", async () => {
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listReports(SYSTEM, { limit: 7, cursor });
      expect(page.items.length).toBeLessThanOrEqual(7);
      keys.push(...page.items.map((r) => r.key));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
    const received = (await listReports(SYSTEM, { limit: 200 })).items.map((r) => Date.parse(r.receivedAt));
    expect(received).toEqual([...received].sort((a, b) => b - a));
  });

  it.each([
    [{ status: "NEW" }, (r: { status: string }) => r.status === "NEW"],
    [{ status: "fixing,confirmed" }, (r: { status: string }) => ["FIXING", "CONFIRMED"].includes(r.status)],
    [{ severity: "CRITICAL" }, (r: { severity: string | null }) => r.severity === "CRITICAL"],
    [{ project: "body-parser" }, (r: { project: { slug: string } | null }) => r.project?.slug === "body-parser"],
    [{ assignee: "none" }, (r: { assignee: unknown }) => r.assignee === null],
    [
      { assignee: "hana@example.com" },
      (r: { assignee: { email: string } | null }) => r.assignee?.email === "hana@example.com",
    ],
    [{ sla: "breached" }, (r: { sla: { state: string }[] }) => r.sla.some((c) => c.state === "breached")],
    [{ q: "redirect" }, (r: { title: string }) => /redirect/i.test(r.title)],
  ] as const)("filters by %j", async (query, predicate) => {
    const { items } = await listReports(SYSTEM, { ...query, limit: 200 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => (predicate as (r: unknown) => boolean)(r))).toBe(true);
  });

  it("filters the board by the most urgent clock, counting every match, with full cards", async () => {
    const all = await listBoard(SYSTEM);
    const breached = await listBoard(SYSTEM, { sla: "breached" });
    const cards = Object.values(breached.columns).flatMap((c) => c.items);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((r) => mostUrgentView(r.sla)?.state === "breached")).toBe(true);
    expect(breached.breached).toBe(all.breached);
    expect(Object.values(breached.columns).reduce((n, c) => n + c.total, 0)).toBe(cards.length);
    // the same card as the unfiltered board shows, line tags included
    const one = cards[0]!;
    expect(
      Object.values(all.columns)
        .flatMap((c) => c.items)
        .find((r) => r.key === one.key),
    ).toEqual(one);
  });

  it("filters to the caller's own reports with assignee=me", async () => {
    const { items } = await listReports(hana, { assignee: "me", limit: 200 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.assignee?.email === "hana@example.com")).toBe(true);
  });

  it.each([{ limit: "0" }, { limit: "201" }, { status: "DONE" }, { cursor: "garbage" }, { sla: "late" }])(
    "refuses %j with 400",
    async (query) => {
      await expectDomainError(listReports(SYSTEM, query as never), "bad_request");
    },
  );
});
