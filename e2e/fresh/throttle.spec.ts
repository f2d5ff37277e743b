import { expect, test } from "@playwright/test";

test("public intake from one address is rate limited with Retry-After", async ({ request }) => {
  const data = { title: "Flood", body: "Body", reporterEmail: "flood@example.org" };
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await request.post("/api/v1/reports", { data })).status());
  expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
  const limited = await request.post("/api/v1/reports", { data });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).error.code).toBe("rate_limited");
});
