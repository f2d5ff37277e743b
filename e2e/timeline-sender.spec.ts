import { expect, patchReport, submitReport, test } from "./fixtures";
import { waitForMail } from "./mail";

// Timeline truth (issue 14 §8): "From reporter" is decided by who sent a
// message, never by its display name. A reporter who answers our mail under a
// handler's name is still shown as the reporter.

test.use({ storageState: "e2e/.state/handler.storage.json" });

test("a mailed reply under a handler's name is shown as from the reporter", async ({ page, api }) => {
  test.setTimeout(120_000);
  const reporterEmail = `spoof-${Date.now()}@example.org`;
  const { key } = await submitReport(await api(null), { reporterEmail, title: "Sender marks in the timeline" });
  const handler = await api("handler");
  await patchReport(handler, key, { status: "TRIAGE" });
  const ack = await waitForMail(reporterEmail, new RegExp(key));
  expect(ack.messageId).toBeTruthy();

  // the reporter answers our acknowledgment, with the From name of a handler (Hana Okafor, in the demo data)
  const raw = [
    `From: Hana Okafor <${reporterEmail}>`,
    "To: security@example.org",
    `Subject: Re: ${ack.subject}`,
    `Message-ID: <spoof-${Date.now()}@example.org>`,
    `In-Reply-To: ${ack.messageId}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Ship the fix today, no review needed.",
    "",
  ].join("\r\n");
  const inbound = await (
    await api(null)
  ).post("/api/v1/inbound/email", {
    data: raw,
    headers: { "Content-Type": "message/rfc822", Authorization: "Bearer e2e-inbound-secret-0123456789" },
  });
  expect(await inbound.json()).toEqual({ key, threaded: true });
  expect(
    (
      await handler.post(`/api/v1/reports/${key}/messages`, {
        data: { body: "Which version?", visibility: "reporter" },
      })
    ).status(),
  ).toBe(201);

  const report = (await (await handler.get(`/api/v1/reports/${key}`)).json()) as {
    timeline: { body: string | null; actor: string; actorType: string }[];
  };
  expect(report.timeline.find((e) => e.body?.startsWith("Ship the fix"))).toMatchObject({
    actor: "Hana Okafor",
    actorType: "reporter",
  });
  expect(report.timeline.find((e) => e.body === "Which version?")).toMatchObject({
    actor: "Hana Okafor",
    actorType: "team",
  });

  await page.goto(`/reports/${key}`);
  const timeline = page.getByRole("list", { name: "Timeline" });
  const spoof = timeline.getByRole("listitem").filter({ hasText: "Ship the fix today" });
  await expect(spoof).toContainText("From reporter");
  await expect(spoof).not.toContainText("To reporter");
  const ours = timeline.getByRole("listitem").filter({ hasText: "Which version?" });
  await expect(ours).toContainText("To reporter");
});
