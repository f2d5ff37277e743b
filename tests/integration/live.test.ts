import { describe, expect, it } from "vitest";

import { db } from "@/lib/server/infra/db";
import type { ReportChange } from "@/lib/server/infra/live";
import { publishReportChange, subscribe } from "@/lib/server/infra/live";

function waitFor<T>(arrive: (resolve: (value: T) => void) => void, ms = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing arrived within ${ms} ms`)), ms);
    arrive((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

describe("live updates", () => {
  it("delivers a published change to every subscriber, and none after unsubscribing", async () => {
    const seen: ReportChange[][] = [[], []];
    const offs = await Promise.all(seen.map((list) => subscribe((c) => list.push(c))));
    const arrived = waitFor<void>((done) => {
      const check = setInterval(() => {
        if (seen.every((l) => l.some((c) => c.key === "SEC-2026-0001"))) {
          clearInterval(check);
          done();
        }
      }, 20);
    });
    publishReportChange({ key: "SEC-2026-0001", version: 2 });
    await arrived;
    expect(seen[0]).toContainEqual({ key: "SEC-2026-0001", version: 2 });
    offs[0]!();
    publishReportChange({ key: "SEC-2026-0002" });
    await waitFor<void>((done) => {
      const check = setInterval(
        () => seen[1]!.some((c) => c.key === "SEC-2026-0002") && (clearInterval(check), done()),
        20,
      );
    });
    expect(seen[0]!.map((c) => c.key)).not.toContain("SEC-2026-0002");
    offs[1]!();
  });

  // Only PostgreSQL has a LISTEN connection to lose; the embedded database runs in-process.
  it.runIf(process.env.DATABASE_URL)(
    "listens again after its connection is killed, and tells subscribers to resync",
    async () => {
      const seen: string[] = [];
      let resyncs = 0;
      const off = await subscribe(
        (c) => seen.push(c.key),
        () => resyncs++,
      );
      const killed = await db().$queryRaw<{ killed: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
      WHERE datname = current_database() AND query = 'LISTEN embargo_reports'`;
      expect(killed).toEqual([{ killed: true }]);
      await waitFor<void>((done) => {
        const check = setInterval(() => resyncs > 0 && (clearInterval(check), done()), 50);
      });
      publishReportChange({ key: "SEC-2026-0003" });
      await waitFor<void>((done) => {
        const check = setInterval(() => seen.includes("SEC-2026-0003") && (clearInterval(check), done()), 20);
      });
      off();
    },
  );
});
