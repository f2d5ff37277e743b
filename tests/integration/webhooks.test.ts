import { createHmac } from "node:crypto";
import { type IncomingHttpHeaders, createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as deliveriesRoute } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { DELETE as deleteRoute } from "@/app/api/v1/webhooks/[id]/route";
import { POST as testRoute } from "@/app/api/v1/webhooks/[id]/test/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/webhooks/route";
import { db } from "@/lib/server/infra/db";
import { updateReport } from "@/lib/server/reports/update";
import { runSlaAlerts } from "@/lib/server/sla/alerts";
import { createApiToken } from "@/lib/server/users/api-tokens";
import { deliverWebhooks } from "@/lib/server/webhooks/deliver";
import { createActors } from "@/tests/helpers/actors";
import { makeReport } from "@/tests/helpers/reports";

// Issue 17 §4: outbound webhooks, posted to a real HTTP receiver on loopback. Every event's signature is checked
// with the Standard Webhooks library and recomputed from the spec; a failing receiver gets retries.

type Received = { headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
let answer = 204;
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(answer).end();
  });
});
let hookUrl: string;

let actors: Awaited<ReturnType<typeof createActors>>;
let adminAuth: string;
const bearer = async (email: string) =>
  `Bearer ${(await createApiToken(actors.admin, { email, name: "webhook script" })).token}`;
const request = (method: string, path: string, auth: string, body?: unknown) =>
  new Request(`http://localhost:3000${path}`, {
    method,
    headers: { authorization: auth, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) }) as never;

/** Checks a received event as a receiver would: the library's verify, and the spec's HMAC recomputed by hand. */
function verified(r: Received, secret: string): { type: string; data: Record<string, unknown> } {
  const headers = {
    "webhook-id": String(r.headers["webhook-id"]),
    "webhook-timestamp": String(r.headers["webhook-timestamp"]),
    "webhook-signature": String(r.headers["webhook-signature"]),
  };
  const payload = new Webhook(secret).verify(r.body, headers) as { type: string; data: Record<string, unknown> };
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key)
    .update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${r.body}`)
    .digest("base64");
  expect(headers["webhook-signature"].split(" ")).toContain(`v1,${expected}`);
  // a tampered body does not verify
  expect(() => new Webhook(secret).verify(r.body.replace(/}$/, " }"), headers)).toThrow();
  return payload;
}

const deliver = () => deliverWebhooks({ allowPrivate: true, timeoutMs: 5_000 });

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/embargo`;
  actors = await createActors();
  adminAuth = await bearer(actors.admin.user.email);
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe("webhooks", () => {
  let id: string;
  let secret: string;

  it("admins register an endpoint and get its secret once; others and bad URLs are refused", async () => {
    const handlerAuth = await bearer(actors.handler.user.email);
    expect(
      (
        await createRoute(
          request("POST", "/api/v1/webhooks", handlerAuth, { url: hookUrl, events: ["report.created"] }),
          ctx(),
        )
      ).status,
    ).toBe(403);
    const bad = await createRoute(
      request("POST", "/api/v1/webhooks", adminAuth, { url: "ftp://example.org/x", events: ["report.created"] }),
      ctx(),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.url).toMatch(/http/);
    const none = await createRoute(request("POST", "/api/v1/webhooks", adminAuth, { url: hookUrl, events: [] }), ctx());
    expect(none.status).toBe(400);

    const res = await createRoute(
      request("POST", "/api/v1/webhooks", adminAuth, {
        url: hookUrl,
        events: ["report.created", "report.status_changed", "report.assigned", "sla.at_risk", "sla.breached"],
      }),
      ctx(),
    );
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    ({ id, secret } = created);
    const list = await (await listRoute(request("GET", "/api/v1/webhooks", adminAuth), ctx())).json();
    expect(list.items).toEqual([expect.objectContaining({ id, url: hookUrl, lastDelivery: null })]);
    expect(JSON.stringify(list)).not.toContain(secret.slice(6));
    // kept encrypted: the stored secret is not the secret
    const stored = await db().webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(stored.secret).not.toContain(secret.slice(6));
  });

  it("posts signed events for a new report, a status change, an assignment and a broken promise; never the body", async () => {
    received.length = 0;
    const { key } = await makeReport({ title: "Webhook report", body: "zqwebhookbody is the secret text." });
    await updateReport(actors.handler, key, { version: 1, status: "TRIAGE" });
    await updateReport(actors.handler, key, { version: 2, assignee: actors.handler.user.email });
    const report = await db().report.findUniqueOrThrow({ where: { key } });
    await runSlaAlerts(new Date(report.receivedAt.getTime() + 30 * 24 * 3_600_000));
    const result = await deliver();
    expect(result.sent).toBeGreaterThanOrEqual(4);
    const events = received.map((r) => verified(r, secret));
    const types = events.filter((e) => e.data.key === key).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(["report.created", "report.status_changed", "report.assigned", "sla.breached"]),
    );
    const changed = events.find((e) => e.type === "report.status_changed")!;
    expect(changed.data).toMatchObject({
      key,
      title: "Webhook report",
      status: "TRIAGE",
      previousStatus: "NEW",
      project: null,
    });
    expect(changed.data.url).toMatch(new RegExp(`/reports/${key}$`));
    for (const r of received) expect(r.body).not.toContain("zqwebhookbody");
    // one id per event, the same on every attempt
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(received.length);
  });

  it("retries a failing receiver with backoff, with the same webhook-id, until it answers 2xx", async () => {
    received.length = 0;
    answer = 500;
    const res = await testRoute(request("POST", `/api/v1/webhooks/${id}/test`, adminAuth), ctx({ id }));
    expect(res.status).toBe(202);
    const queued = await res.json();
    expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    let row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatus: 500 });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // not due yet: nothing is sent
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    answer = 200;
    await deliverWebhooks({ allowPrivate: true, now: new Date(row.nextAttemptAt.getTime() + 1) });
    row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2, lastStatus: 200, lastError: null });
    expect(received).toHaveLength(2);
    expect(received[0]!.headers["webhook-id"]).toBe(received[1]!.headers["webhook-id"]);
    expect(verified(received[1]!, secret).type).toBe("webhook.test");
    const log = await (
      await deliveriesRoute(request("GET", `/api/v1/webhooks/${id}/deliveries`, adminAuth), ctx({ id }))
    ).json();
    expect(log.items[0]).toMatchObject({ id: queued.id, status: "SENT", attempts: 2, lastStatus: 200 });
  });

  it("refuses to post to a private address unless WEBHOOK_ALLOW_PRIVATE is set", async () => {
    received.length = 0;
    const res = await testRoute(request("POST", `/api/v1/webhooks/${id}/test`, adminAuth), ctx({ id }));
    const queued = await res.json();
    expect(await deliverWebhooks({ allowPrivate: false })).toEqual({ sent: 0, failed: 1 });
    const row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.lastError).toMatch(/private address/);
    expect(row.lastStatus).toBeNull();
    expect(received).toHaveLength(0);
  });

  it("removes an endpoint with its log", async () => {
    expect((await deleteRoute(request("DELETE", `/api/v1/webhooks/${id}`, adminAuth), ctx({ id }))).status).toBe(204);
    expect(await db().webhookDelivery.count({ where: { endpointId: id } })).toBe(0);
    expect(
      (await deliveriesRoute(request("GET", `/api/v1/webhooks/${id}/deliveries`, adminAuth), ctx({ id }))).status,
    ).toBe(404);
    expect((await deleteRoute(request("DELETE", `/api/v1/webhooks/${id}`, adminAuth), ctx({ id }))).status).toBe(404);
  });
});
