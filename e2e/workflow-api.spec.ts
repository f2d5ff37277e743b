import { expect, test } from "./fixtures";

// The workflow through HTTP, as a script or a checker would drive it.
test("acknowledge, respond, confirm, converse, and refuse what the rules refuse", async ({ api }) => {
  const anon = await api(null);
  const handler = await api("handler");
  const viewer = await api("viewer");

  const created = await (
    await anon.post("/api/v1/reports", {
      data: { title: "Path traversal in static", body: "Details", reporterEmail: "pat@example.org" },
    })
  ).json();
  const { key } = created;
  const token = created.statusUrl.split("/status/")[1];
  const read = async () => (await handler.get(`/api/v1/reports/${key}`)).json();
  type Clock = { clock: string; state: string; dueAt: string; metAt: string | null };
  const clock = (r: { sla: Clock[] }, name: string) => r.sla.find((c) => c.clock === name)!;

  let report = await read();
  expect(clock(report, "acknowledge").state).toBe("ok");
  expect(Date.parse(clock(report, "acknowledge").dueAt) - Date.parse(report.receivedAt)).toBe(48 * 3600_000);

  const skip = await handler.patch(`/api/v1/reports/${key}`, {
    data: { version: report.version, status: "DISCLOSED" },
  });
  expect(skip.status()).toBe(422);
  expect((await skip.json()).error.code).toBe("rule_violated");

  expect(
    (await viewer.patch(`/api/v1/reports/${key}`, { data: { version: report.version, status: "TRIAGE" } })).status(),
  ).toBe(403);
  expect(
    (await handler.patch(`/api/v1/reports/${key}`, { data: { version: report.version, status: "LATER" } })).status(),
  ).toBe(400);

  const ack = await handler.patch(`/api/v1/reports/${key}`, { data: { version: report.version, status: "TRIAGE" } });
  expect(ack.status()).toBe(200);
  report = await ack.json();
  expect(report.status).toBe("TRIAGE");
  expect(report.acknowledgedAt).not.toBeNull();
  expect(clock(report, "acknowledge").state).toBe("met");
  expect(Date.parse(clock(report, "response").dueAt) - Date.parse(report.acknowledgedAt)).toBe(48 * 3600_000);

  const stale = await handler.patch(`/api/v1/reports/${key}`, {
    data: { version: report.version - 1, status: "CONFIRMED" },
  });
  expect(stale.status()).toBe(409);

  const confirm = await handler.patch(`/api/v1/reports/${key}`, {
    data: { version: report.version, status: "CONFIRMED" },
  });
  expect(confirm.status()).toBe(422);
  expect((await confirm.json()).error.message).toBe("Confirming needs a primary handler and a severity.");

  expect(
    (
      await handler.post(`/api/v1/reports/${key}/messages`, {
        data: { body: "secret triage note", visibility: "internal" },
      })
    ).status(),
  ).toBe(201);
  expect(
    (
      await handler.post(`/api/v1/reports/${key}/messages`, {
        data: { body: "We can reproduce it; fix in progress.", visibility: "reporter" },
      })
    ).status(),
  ).toBe(201);
  expect(clock(await read(), "response").state).toBe("met");
  expect(
    (
      await handler.post(`/api/v1/reports/${key}/messages`, {
        data: { body: "x".repeat(70_000), visibility: "internal" },
      })
    ).status(),
  ).toBe(413);

  const reply = await anon.post(`/api/v1/status/${token}/messages`, { data: { body: "Great, thanks!" } });
  expect(reply.status()).toBe(201);
  const view = await (await anon.get(`/api/v1/status/${token}`)).json();
  expect(view.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual(
    expect.arrayContaining([
      ["team", "We can reproduce it; fix in progress."],
      ["you", "Great, thanks!"],
    ]),
  );
  expect(JSON.stringify(view)).not.toContain("secret triage note");
  expect(JSON.stringify(view)).not.toContain("hana@example.com");
  const timeline = (await read()).timeline as { body: string | null; visibility: string }[];
  expect(timeline.find((e) => e.body === "Great, thanks!")?.visibility).toBe("reporter");

  expect((await anon.post(`/api/v1/status/${"C".repeat(43)}/messages`, { data: { body: "hi" } })).status()).toBe(404);
});
