import { expect, test } from "./fixtures";

const SECRET = "e2e-inbound-secret-0123456789";
const mail = (o: { from?: string; subject: string; body: string; id: string; headers?: string[] }) =>
  [
    `From: ${o.from ?? "Ida Reporter <ida@example.org>"}`,
    "To: security@example.org",
    `Subject: ${o.subject}`,
    `Message-ID: ${o.id}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    ...(o.headers ?? []),
    "",
    o.body,
    "",
  ].join("\r\n");

test.describe("inbound e-mail over HTTP", () => {
  test("needs the secret, creates, threads and de-duplicates, and survives garbage", async ({ api }) => {
    const anon = await api(null);
    const post = (body: string | Buffer, secret: string | null = SECRET) =>
      anon.post("/api/v1/inbound/email", {
        data: body,
        headers: { "Content-Type": "message/rfc822", ...(secret ? { Authorization: `Bearer ${secret}` } : {}) },
      });

    const first = mail({
      subject: "Timing leak in cookie signature",
      body: "The signature comparison returns early on the first differing byte, so an attacker can forge signatures byte by byte.",
      id: `<e2e-${Date.now()}@example.org>`,
    });
    expect((await post(first, null)).status()).toBe(401);
    expect((await post(first, "wrong-secret-0123456789")).status()).toBe(401);

    const created = await post(first);
    expect(created.status()).toBe(202);
    const { key, threaded } = await created.json();
    expect(key).toMatch(/^SEC-\d{4}-\d{4,}$/);
    expect(threaded).toBe(false);

    const again = await post(first);
    expect(again.status()).toBe(202);
    expect((await again.json()).key).toBe(key);

    const reply = mail({
      subject: `Re: [${key}] Timing leak`,
      body: "Here is a PoC script.",
      id: `<e2e-reply-${Date.now()}@example.org>`,
      headers: [],
    });
    expect(await (await post(reply)).json()).toEqual({ key, threaded: true });

    const report = await (await (await api("handler")).get(`/api/v1/reports/${key}`)).json();
    expect(report.reporter).toEqual({ email: "ida@example.org", name: "Ida Reporter" });
    expect(report.timeline.some((e: { body: string | null }) => e.body === "Here is a PoC script.")).toBe(true);

    const garbage = await post(Buffer.from([0, 159, 146, 150, 13, 10, 0, 1]));
    expect(garbage.status()).toBeLessThan(500);
    expect((await anon.get("/api/health")).status()).toBe(200);
  });

  test("refuses a 30 MB message with 413", async ({ api }) => {
    const anon = await api(null);
    const big = Buffer.alloc(30 * 1024 * 1024, 0x61);
    const res = await anon.post("/api/v1/inbound/email", {
      data: big,
      headers: { "Content-Type": "message/rfc822", Authorization: `Bearer ${SECRET}` },
    });
    expect(res.status()).toBe(413);
    expect((await res.json()).error.code).toBe("too_large");
  });
});
