import { expect, test } from "./fixtures";

const intake = {
  title: "Prototype pollution in router params",
  body: "Full report in the body.",
  reporterEmail: "api-reporter@example.org",
};

test.describe("REST API v1", () => {
  test("health answers with the database state", async ({ api }) => {
    const res = await (await api(null)).get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, db: "ok" });
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["x-powered-by"]).toBeUndefined();
  });

  test("team routes refuse anonymous and bad tokens with 401", async ({ api }) => {
    const anon = await api(null);
    const res = await anon.get("/api/v1/reports");
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
    expect((await anon.get("/api/v1/reports", { headers: { Authorization: "Bearer emb_nope" } })).status()).toBe(401);
    expect((await anon.get("/api/v1/reports/SEC-2026-0001")).status()).toBe(401);
  });

  test("a bearer token lists reports with cursor pages, for every team role", async ({ api }) => {
    for (const role of ["admin", "handler", "viewer"] as const) {
      const client = await api(role);
      const first = await client.get("/api/v1/reports?limit=10");
      expect(first.status()).toBe(200);
      const page1 = await first.json();
      expect(page1.items).toHaveLength(10);
      expect(page1.nextCursor).toEqual(expect.any(String));
      const page2 = await (await client.get(`/api/v1/reports?limit=10&cursor=${page1.nextCursor}`)).json();
      expect(page2.items[0].key).not.toBe(page1.items[0].key);
    }
  });

  test("intake creates a NEW report whose status link works, and the team sees it", async ({ api }) => {
    const anon = await api(null);
    const res = await anon.post("/api/v1/reports", { data: intake });
    expect(res.status()).toBe(201);
    const { key, statusUrl } = await res.json();
    expect(key).toMatch(/^SEC-\d{4}-\d{4,}$/);
    const token = statusUrl.split("/status/")[1];
    expect(token.length).toBeGreaterThanOrEqual(43);

    const view = await anon.get(`/api/v1/status/${token}`);
    expect(view.status()).toBe(200);
    expect(view.headers()["cache-control"]).toContain("no-store");
    expect(view.headers()["referrer-policy"]).toBe("no-referrer");
    expect(view.headers()["x-robots-tag"]).toBe("noindex");
    expect(await view.json()).toMatchObject({ key, title: intake.title, stage: "received" });

    const report = await (await (await api("viewer")).get(`/api/v1/reports/${key}`)).json();
    expect(report).toMatchObject({
      key,
      status: "NEW",
      version: expect.any(Number),
      reporter: { email: intake.reporterEmail },
    });
    expect(report.sla.map((c: { clock: string }) => c.clock)).toEqual(["acknowledge", "response", "update", "fix"]);
    expect(report.timeline[0]).toMatchObject({ kind: "received", visibility: "reporter" });
  });

  test("bad intake is a 400 with the fields named, and oversize bodies a 413", async ({ api }) => {
    const anon = await api(null);
    const bad = await anon.post("/api/v1/reports", { data: { title: "", body: "x" } });
    expect(bad.status()).toBe(400);
    const error = (await bad.json()).error;
    expect(error.code).toBe("bad_request");
    expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(["title", "reporterEmail"]));

    const malformed = await anon.post("/api/v1/reports", {
      data: "{not json",
      headers: { "Content-Type": "application/json" },
    });
    expect(malformed.status()).toBe(400);

    const huge = await anon.post("/api/v1/reports", { data: { ...intake, body: "x".repeat(400 * 1024) } });
    expect(huge.status()).toBe(413);
    expect((await huge.json()).error.code).toBe("too_large");
  });

  test("unknown keys and tokens are 404 without a hint", async ({ api }) => {
    const viewer = await api("viewer");
    for (const path of ["/api/v1/reports/SEC-1999-0001", "/api/v1/reports/not-a-key"]) {
      const res = await viewer.get(path);
      expect(res.status()).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
    const res = await (await api(null)).get(`/api/v1/status/${"B".repeat(43)}`);
    expect(res.status()).toBe(404);
  });

  test("the OpenAPI document describes the routes", async ({ api }) => {
    const res = await (await api(null)).get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/reports", "/api/v1/reports/{key}", "/api/v1/status/{token}"]),
    );
    expect(doc.components.schemas.Report.properties.key).toBeDefined();
  });
});
