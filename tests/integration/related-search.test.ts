import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/server/auth/actor";
import { SYSTEM } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";
import { getReport } from "@/lib/server/reports/detail";
import { listReports } from "@/lib/server/reports/list";
import { postMessage } from "@/lib/server/reports/messages";
import { updateReport } from "@/lib/server/reports/update";
import { createActor } from "@/tests/helpers/actors";
import { makeReport } from "@/tests/helpers/reports";

// §4 of the daily loop: duplicate links both ways, "Possibly related" by
// full-text search, and the text search over messages, ids and e-mails.

let handler: Actor;

beforeAll(async () => {
  handler = await createActor("HANDLER", { name: "Hana" });
});

const keysFor = async (q: string) => (await listReports(handler, { q, limit: 200 })).items.map((r) => r.key);

describe("duplicates, related reports and search", () => {
  it("shows a duplicate link on both reports and in both timelines", async () => {
    const original = await makeReport({ title: "Open redirect in res.redirect", body: "Redirects to any host" });
    const copy = await makeReport({ title: "Redirect to any host", body: "An open redirect again" });
    const before = await getReport(SYSTEM, copy.key);
    expect(before.duplicateOf).toBeNull();
    await updateReport(handler, copy.key, {
      version: before.version,
      status: "CLOSED",
      resolution: "DUPLICATE",
      duplicateOf: original.key,
    });
    const dup = await getReport(SYSTEM, copy.key);
    expect(dup.duplicateOf).toEqual({ key: original.key, title: "Open redirect in res.redirect" });
    expect(before.related.map((r) => r.key)).toContain(original.key);
    expect(dup.timeline.find((e) => e.kind === "duplicate_marked")?.data).toEqual({ from: null, to: original.key });
    const orig = await getReport(SYSTEM, original.key);
    expect(orig.duplicates).toEqual([{ key: copy.key, title: "Redirect to any host", status: "CLOSED" }]);
    // the duplicate links are not repeated under "Possibly related"
    expect(orig.related.map((r) => r.key)).not.toContain(copy.key);
    expect(dup.related.map((r) => r.key)).not.toContain(original.key);
    expect(orig.timeline.find((e) => e.kind === "duplicate_added")).toMatchObject({
      actor: "Hana",
      data: { key: copy.key },
    });
  });

  it("ranks up to five possibly related reports by full-text search, never the report itself", async () => {
    const anchor = await makeReport({
      title: "Prototype pollution in query string parsing",
      body: "Passing __proto__ keys in the query string pollutes Object.prototype on every request.",
    });
    const close = await makeReport({
      title: "Query string parser allows prototype pollution",
      body: "The parser copies __proto__ into objects.",
    });
    const loose = await makeReport({
      title: "Parsing error on long headers",
      body: "A request with a long query crashes.",
    });
    const unrelated = await makeReport({
      title: "Timing attack on session cookies",
      body: "Compare in constant time.",
    });
    for (let i = 0; i < 5; i++) {
      await makeReport({ title: `Pollution of prototypes, variant ${i}`, body: "query string prototype pollution" });
    }
    const related = (await getReport(SYSTEM, anchor.key)).related;
    expect(related).toHaveLength(5);
    expect(related[0]).toEqual({
      key: close.key,
      title: "Query string parser allows prototype pollution",
      status: "NEW",
    });
    const keys = related.map((r) => r.key);
    expect(keys).not.toContain(anchor.key);
    expect(keys).not.toContain(unrelated.key);
    expect(keys).not.toContain(loose.key);
    // the search column follows a title change (the trigger keeps it)
    const u = await getReport(SYSTEM, unrelated.key);
    await updateReport(handler, unrelated.key, { version: u.version, title: "Prototype pollution via query string" });
    expect((await getReport(SYSTEM, unrelated.key)).related.map((r) => r.key)).toContain(anchor.key);
  });

  it("finds words in messages and notes, CVE and GHSA ids, aliases and the reporter's e-mail", async () => {
    const a = await makeReport({ title: "Header injection", reporterEmail: "zoe.searcher@lab.example" });
    const b = await makeReport({ title: "Path traversal" });
    await postMessage(handler, a.key, { body: "Reproduced with the xylophone payload.", visibility: "internal" });
    await postMessage(handler, b.key, { body: "Could you send the marimba sample?", visibility: "reporter" });
    const rb = await getReport(SYSTEM, b.key);
    await updateReport(handler, b.key, {
      version: rb.version,
      cveId: "CVE-2026-41234",
      ghsaId: "GHSA-2v4p-3hgw-7q8x",
    });
    await db().report.update({ where: { key: a.key }, data: { aliases: ["PYSEC-2026-77", "CVE-2026-50001"] } });

    expect(await keysFor("xylophone")).toEqual([a.key]);
    expect(await keysFor("MARIMBA")).toEqual([b.key]);
    expect(await keysFor("cve-2026-41234")).toEqual([b.key]);
    expect(await keysFor("GHSA-2V4P-3HGW-7Q8X")).toEqual([b.key]);
    expect(await keysFor("PYSEC-2026-77")).toEqual([a.key]);
    expect(await keysFor("cve-2026-50001")).toEqual([a.key]);
    expect(await keysFor("zoe.searcher@lab")).toEqual([a.key]);
    expect(await keysFor(a.key.toLowerCase())).toEqual([a.key]);
    expect(await keysFor("no such words anywhere")).toEqual([]);
  });
});
