import { expect, test } from "./fixtures";

const LINES = [
  { name: "1.x", range: ">=1.0.0 <2.0.0-0", latest: "1.9.0", status: "EOL" },
  { name: "2.x", range: ">=2.0.0 <3.0.0-0", latest: "2.4.1", status: "MAINTAINED" },
  { name: "3.x", range: ">=3.0.0 <4.0.0-0", latest: "3.0.2", status: "MAINTAINED" },
  { name: "4.x", range: ">=4.0.0-0 <5.0.0-0", latest: "4.0.0-beta.2", status: "PRERELEASE" },
];

test("projects, lines, ranges and the matrix through the API", async ({ api }) => {
  const admin = await api("admin");
  const handler = await api("handler");
  const viewer = await api("viewer");
  const slug = `lib-${Date.now().toString(36)}`;

  expect((await viewer.post("/api/v1/projects", { data: { slug, name: "Lib" } })).status()).toBe(403);
  expect((await admin.post("/api/v1/projects", { data: { slug, name: "Lib", packageName: slug } })).status()).toBe(201);
  const bad = await admin.put(`/api/v1/projects/${slug}/lines`, {
    data: { lines: [{ name: "x", range: "nope", status: "MAINTAINED" }] },
  });
  expect(bad.status()).toBe(400);
  expect(Object.keys((await bad.json()).error.fields)).toContain("lines.0.range");
  const overlap = await admin.put(`/api/v1/projects/${slug}/lines`, {
    data: { lines: [LINES[1], { name: "2.4+", range: ">=2.4.0", status: "MAINTAINED" }] },
  });
  expect(overlap.status()).toBe(400);
  expect((await overlap.json()).error.message).toContain("overlaps 2.x");
  expect((await admin.put(`/api/v1/projects/${slug}/lines`, { data: { lines: LINES } })).status()).toBe(200);
  expect((await handler.put(`/api/v1/projects/${slug}/lines`, { data: { lines: LINES } })).status()).toBe(403);

  const { key } = await (
    await (
      await api(null)
    ).post("/api/v1/reports", {
      data: { title: "Matrix check", body: "b", reporterEmail: "m@example.org", project: slug },
    })
  ).json();
  const put = await handler.put(`/api/v1/reports/${key}/affected`, {
    data: {
      affected: [
        {
          package: slug,
          ranges: [
            { introduced: "0", fixed: "2.4.1" },
            { introduced: "3.0.0", fixed: "3.0.3" },
            { introduced: "4.0.0-alpha.1", fixed: "4.0.0-beta.1" },
          ],
        },
      ],
    },
  });
  expect(put.status()).toBe(200);
  expect((await put.json()).matrix).toEqual(
    expect.arrayContaining([{ line: "3.x", state: "fix_pending", version: "3.0.3" }]),
  );

  const matrix = await (await viewer.get(`/api/v1/matrix?project=${slug}`)).json();
  expect(matrix.project).toBe(slug);
  expect(matrix.lines.map((l: { name: string }) => l.name)).toEqual(["2.x", "3.x", "4.x", "1.x"]);
  const row = matrix.rows.find((r: { key: string }) => r.key === key);
  expect(row.cells).toMatchObject({
    "1.x": { state: "wont_fix", version: null },
    "2.x": { state: "fixed", version: "2.4.1" },
    "3.x": { state: "fix_pending", version: "3.0.3" },
    "4.x": { state: "fixed", version: "4.0.0-beta.1" },
  });
  expect((await viewer.get("/api/v1/matrix?project=no-such-project")).status()).toBe(404);
  expect((await viewer.get("/api/v1/matrix")).status()).toBe(400);

  const csv = await viewer.get(`/api/v1/matrix.csv?project=${slug}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(`"${key}","Matrix check","NEW","","fixed 2.4.1","fix_pending 3.0.3"`);
});

test.describe("in the browser", () => {
  test.use({ storageState: "e2e/.state/handler.storage.json" });

  test("the matrix page shows lines × open reports with words, and the report page edits ranges with a live preview", async ({
    page,
  }) => {
    await page.goto("/matrix?project=express");
    const matrix = page.getByTestId("matrix");
    await expect(matrix.getByRole("columnheader", { name: /5\.x/ })).toBeVisible();
    const row = matrix.getByTestId("matrix-row").filter({ hasText: "Query parser accepts __proto__" });
    await expect(row.locator('[data-line="5.x"]')).toHaveAttribute("data-state", "fix_pending");
    await expect(row.locator('[data-line="5.x"]')).toContainText("pending 5.1.1");
    await expect(matrix.getByText(/affected|pending/).first()).toBeVisible();

    await page.goto("/matrix?project=express");
    const target = matrix.getByTestId("matrix-row").filter({ hasText: "XSS in default error handler" });
    await target.getByRole("link").first().click();
    await expect(page.getByTestId("versions").locator('[data-line="4.x"]')).toHaveAttribute("data-state", "affected");
    await page.getByRole("button", { name: "Edit affected ranges" }).click();
    await page.getByLabel("Range 1: ends").selectOption("fixed");
    await page.getByLabel("Range 1: version").fill("4.21.3");
    // preview before saving
    await expect(page.getByTestId("versions").locator('[data-line="4.x"]')).toHaveAttribute(
      "data-state",
      "fix_pending",
    );
    await page.getByRole("button", { name: "Save ranges" }).click();
    await expect(page.getByRole("button", { name: "Edit affected ranges" })).toBeVisible();
    await expect(page.getByTestId("versions").locator('[data-line="4.x"]')).toContainText("pending 4.21.3");
  });

  test("all projects side by side, filtered by severity and line state, and exported with those filters", async ({
    page,
  }) => {
    await page.goto("/matrix");
    const matrix = page.getByTestId("matrix");
    await expect(matrix.getByRole("columnheader", { name: "Express", exact: true })).toBeVisible();
    await expect(matrix.getByRole("columnheader", { name: "body-parser", exact: true })).toBeVisible();
    // a report fills only its own project's columns
    const bodyParserRow = matrix.locator('[data-testid="matrix-row"][data-project="body-parser"]').first();
    await expect(bodyParserRow.locator('[data-line="2.x"]')).toHaveCount(1);
    await expect(bodyParserRow.locator('[data-line="5.x"]')).toHaveCount(0);

    const lineState = page.getByLabel("Line state");
    await lineState.focus();
    await lineState.selectOption("affected");
    await expect(page).toHaveURL(/state=affected/);
    // the page updates in place: the control keeps focus, so the keyboard can go on choosing
    await expect(lineState).toBeFocused();
    await expect(lineState).toHaveValue("affected");
    await page.getByLabel("Severity").selectOption("CRITICAL");
    await expect(page).toHaveURL(/severity=CRITICAL/);
    const rows = matrix.getByTestId("matrix-row");
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row.getByText("Critical", { exact: true })).toBeVisible();
      await expect(row.locator('[data-state="affected"]').first()).toBeAttached();
    }
    // switching project keeps the filters
    await page
      .getByRole("navigation", { name: "Projects" })
      .getByRole("link", { name: /Express/ })
      .click();
    await expect(page).toHaveURL(/project=express/);
    await expect(page).toHaveURL(/severity=CRITICAL/);

    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toMatch(/state=affected/);
    const csv = await (await page.request.get(href!)).text();
    const [header, ...lines] = csv.trim().split("\r\n");
    expect(header).toContain('"5.x (');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain('"CRITICAL"');

    await page.getByLabel("Severity").selectOption("NONE");
    await expect(page.getByText("No reports match these filters")).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).not.toHaveURL(/severity=/);
  });

  test("the filters work without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({
      storageState: "e2e/.state/handler.storage.json",
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto("/matrix?project=express");
    await page.getByLabel("Severity").selectOption("CRITICAL");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/project=express/);
    await expect(page).toHaveURL(/severity=CRITICAL/);
    await expect(page.getByLabel("Severity")).toHaveValue("CRITICAL");
    for (const row of await page.getByTestId("matrix-row").all())
      await expect(row.getByText("Critical", { exact: true })).toBeVisible();
    await context.close();
  });

  test("a handler sets a line's fixed version by hand, and a version outside the line is refused next to it", async ({
    page,
  }) => {
    await page.goto("/matrix?project=express");
    await page
      .getByTestId("matrix-row")
      .filter({ hasText: "Route parameter regex allows catastrophic backtracking" })
      .getByRole("link")
      .first()
      .click();
    const line = page.getByTestId("versions").locator('[data-line="4.x"]');
    await expect(line).toHaveAttribute("data-state", "affected");
    await line.locator("summary").click();
    await page.getByLabel("Fixed version on 4.x").fill("5.0.1");
    await page.getByRole("button", { name: "Save 4.x" }).click();
    await expect(line.getByRole("alert")).toHaveText("5.0.1 is not in 4.x (>=4.0.0 <5.0.0-0).");
    await page.getByLabel("Fixed version on 4.x").fill("4.21.3");
    await page.getByRole("button", { name: "Save 4.x" }).click();
    // not released yet (the line's latest is 4.21.2): pending, and marked as set by hand
    await expect(line).toHaveAttribute("data-state", "fix_pending");
    await expect(line.locator("summary")).toContainText("pending 4.21.3");
    await expect(line.getByRole("alert")).toHaveCount(0);
  });
});
