import { expect, submitReport, test } from "./fixtures";

// Every report reaches a project: a handler picks it on the report page,
// Unsorted reports have their own filter and a line on the matrix page, and
// the report page lists possibly related reports.

test.use({ storageState: "e2e/.state/handler.storage.json" });

test("a handler picks the project on the report page, and the report joins its matrix", async ({ page, api }) => {
  const { key } = await submitReport(await api(null), { title: `Crash on a crafted header ${Date.now()}` });
  await page.goto(`/reports/${key}`);
  await expect(page.getByText("Unsorted", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Project")).toHaveValue("");

  await page.getByLabel("Project").selectOption("express");
  await expect(page.getByLabel("Project")).toHaveValue("express");
  await expect(page.getByRole("list", { name: "Timeline" }).getByText("moved from Unsorted to Express")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Affected versions" })).toBeVisible();

  const viewer = await api("viewer");
  const report = await (await viewer.get(`/api/v1/reports/${key}`)).json();
  expect(report.project).toMatchObject({ slug: "express" });
  const matrix = await (await viewer.get("/api/v1/matrix?project=express")).json();
  expect(matrix.rows.map((r: { key: string }) => r.key)).toContain(key);
});

test("Unsorted reports have a board filter, an API filter and a line on the matrix page", async ({ page, api }) => {
  const anon = await api(null);
  const unsorted = await submitReport(anon, { title: `Nothing named ${Date.now()}` });
  const guessed = await submitReport(anon, { title: `Crash in body-parser ${Date.now()}` });

  const handler = await api("handler");
  const list = await (await handler.get("/api/v1/reports?project=none&limit=200")).json();
  const keys = list.items.map((r: { key: string }) => r.key);
  expect(keys).toContain(unsorted.key);
  expect(keys).not.toContain(guessed.key);

  await page.goto("/matrix");
  const line = page.getByRole("link", { name: /open reports? (have|has) no project/ });
  await expect(line).toBeVisible();
  await line.click();
  await expect(page).toHaveURL(/\/board\?project=none/);
  await expect(page.getByLabel("Project")).toHaveValue("none");
  await expect(page.getByTestId("report-card").filter({ hasText: unsorted.key })).toBeVisible();
  await expect(page.getByTestId("report-card").filter({ hasText: guessed.key })).toHaveCount(0);

  await page.getByLabel("Project").selectOption("");
  await page.getByLabel("Project").selectOption("none");
  await expect(page).toHaveURL(/project=none/);
  for (const card of await page.getByTestId("report-card").all()) await expect(card).not.toContainText("express");
});

test("the report page lists possibly related reports", async ({ page, api }) => {
  const anon = await api(null);
  const stamp = Date.now();
  const first = await submitReport(anon, {
    title: `Quokka deserialization gadget ${stamp}`,
    body: "The quokka loader deserializes untrusted wombat payloads.",
  });
  const second = await submitReport(anon, {
    title: `Wombat payload reaches the quokka loader ${stamp}`,
    body: "Untrusted quokka data is deserialized.",
  });
  await page.goto(`/reports/${second.key}`);
  const related = page.getByRole("list", { name: "Possibly related" });
  await expect(related).toBeVisible();
  await expect(related.getByRole("link", { name: first.key })).toBeVisible();
  await related.getByRole("link", { name: first.key }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/${first.key}$`));
  await expect(
    page.getByRole("list", { name: "Possibly related" }).getByRole("link", { name: second.key }),
  ).toBeVisible();
});
