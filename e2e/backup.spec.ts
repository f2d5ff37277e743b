import { readFileSync } from "node:fs";

import { expect, test } from "./fixtures";

// Settings → Backups: an admin downloads a backup of the running app (the restore is tested in
// tests/integration/backup.test.ts). The e2e servers run on the embedded database unless DATABASE_URL is set.

test.use({ storageState: "e2e/.state/admin.storage.json" });

test("an admin downloads a sealed backup from Settings → Backups", async ({ page }) => {
  await page.goto("/settings/backup");
  await expect(page.getByRole("heading", { name: "Backups", level: 1 })).toBeVisible();
  if (process.env.DATABASE_URL) {
    await expect(page.getByRole("heading", { name: "Back up with pg_dump" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download a backup" })).toHaveCount(0);
    return;
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download a backup" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^embargo-backup-.*\.embargo$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 17).toString()).toBe("EMBARGO-BACKUP-1\n");
  // sealed: the demo data's titles are not in it
  expect(bytes.includes("Express")).toBe(false);
});
