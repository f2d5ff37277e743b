import { expect, submitReport, test } from "./fixtures";

test.use({ storageState: "e2e/.state/admin.storage.json" });

test("an admin manages projects and release lines, with the errors named", async ({ page }) => {
  await page.goto("/settings/projects");
  const slug = `web-${Date.now().toString(36)}`;
  const create = page.getByRole("form", { name: "New project" });
  await create.getByLabel("Name", { exact: true }).fill("Web kit");
  await create.getByLabel("Slug").fill(slug);
  await create.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Created Web kit.")).toBeVisible();

  const card = page.getByTestId("project-card").filter({ hasText: slug });
  await card.getByRole("button", { name: "Add line" }).click();
  await card.getByLabel("Line 1 name").fill("1.x");
  await card.getByLabel("Line 1 range").fill(">=1.0.0 <2.0.0-0");
  await card.getByLabel("Line 1 latest").fill("2.0.0");
  await card.getByRole("button", { name: "Save lines" }).click();
  await expect(card.getByText("2.0.0 is not in >=1.0.0 <2.0.0-0")).toBeVisible();
  await card.getByLabel("Line 1 latest").fill("1.4.2");
  await card.getByRole("button", { name: "Save lines" }).click();
  await expect(card.getByText("Saved 1 release lines.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("project-card").filter({ hasText: slug }).getByLabel("Line 1 latest")).toHaveValue(
    "1.4.2",
  );
});

test("an admin renames a project, then archives it and brings it back", async ({ page, api }) => {
  await page.goto("/settings/projects");
  const slug = `arch-${Date.now().toString(36)}`;
  const create = page.getByRole("form", { name: "New project" });
  await create.getByLabel("Name", { exact: true }).fill("Archive me");
  await create.getByLabel("Slug").fill(slug);
  await create.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Created Archive me.")).toBeVisible();

  const card = page.getByTestId("project-card").filter({ hasText: slug });
  await card.getByText("Edit project").click();
  const edit = card.getByRole("form", { name: "Edit Archive me" });
  await edit.getByLabel("Ecosystem").fill("<bad>");
  await edit.getByRole("button", { name: "Save project" }).click();
  await expect(edit.getByText("An OSV ecosystem name, such as npm or PyPI")).toBeVisible();
  await edit.getByLabel("Name", { exact: true }).fill("Old tools");
  await edit.getByLabel("Ecosystem").fill("PyPI");
  await edit.getByLabel("Package (optional)").fill(`${slug}-py`);
  await edit.getByRole("button", { name: "Save project" }).click();
  await expect(card.getByText("Saved Old tools.")).toBeVisible();
  await expect(card.getByRole("heading", { name: new RegExp(`Old tools ${slug}`) })).toBeVisible();

  // a report in the project, so the board can show where it went
  await submitReport(await api(null), { title: `Archived bug ${slug}`, project: slug });

  await card.getByRole("button", { name: "Archive" }).click();
  const archived = page.getByTestId("archived-project-card").filter({ hasText: slug });
  await expect(archived.getByText(/archived \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(page.getByTestId("project-card").filter({ hasText: slug })).toHaveCount(0);

  await page.goto("/board");
  await expect(page.getByText(`Archived bug ${slug}`)).toHaveCount(0);
  await page.goto(`/board?project=${slug}`);
  await expect(page.getByText(`Archived bug ${slug}`)).toBeVisible();
  await page.goto("/matrix");
  await expect(page.getByRole("navigation", { name: "Projects" }).getByText("Old tools")).toHaveCount(0);

  await page.goto("/settings/projects");
  await page
    .getByTestId("archived-project-card")
    .filter({ hasText: slug })
    .getByRole("button", { name: "Bring back" })
    .click();
  await expect(page.getByTestId("project-card").filter({ hasText: slug })).toBeVisible();
});
