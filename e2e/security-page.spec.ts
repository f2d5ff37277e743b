import { expect, test } from "./fixtures";
import { rfc9116Problems } from "../tests/helpers/rfc9116";

// The public face of the policy: security.txt for machines, /security for people, and the settings behind both.

test("security.txt keeps the RFC 9116 rules, as text/plain, with the mailbox as contact", async ({ request }) => {
  const res = await request.get("/.well-known/security.txt");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  const text = await res.text();
  expect(rfc9116Problems(text, new Date())).toEqual([]);
  expect(text).toContain("Contact: mailto:security@example.org\n");
});

test.describe("an admin", () => {
  test.use({ storageState: "e2e/.state/admin.storage.json" });

  test("writes a project's policy, takes the duration its text names as the clock, and the public page shows both", async ({
    page,
    api,
  }) => {
    const slug = `pol-${Date.now().toString(36)}`;
    const created = await (await api("admin")).post("/api/v1/projects", { data: { slug, name: "Policy kit" } });
    expect(created.status()).toBe(201);

    await page.goto(`/settings/policy?project=${slug}`);
    await page.getByLabel("Policy text").fill("# Policy kit\n\nWe acknowledge every report within 24 hours.");
    const check = page.locator("#policy-text-check");
    await expect(check).toContainText("Acknowledge: the text says “24 hours”, the clock 48 hours.");
    await check.getByRole("button", { name: "Use 24 hours" }).click();
    await expect(page.getByLabel("Acknowledge within (hours)")).toHaveValue("24");
    await expect(check).toBeEmpty();
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await expect(page.getByText(/Saved version 1\./)).toBeVisible();

    await page.goto(`/security/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: "Policy kit: security policy" })).toBeVisible();
    await expect(page.getByText("We acknowledge every report within 24 hours.").first()).toBeVisible();
    // the text's own top heading sits below the page's and the section's
    await expect(page.getByRole("heading", { level: 3, name: "Policy kit", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByTestId("promise-record")).toContainText("not shown yet");
    await expect(page.getByRole("link", { name: "private report form" })).toHaveAttribute("href", "/report");
  });

  test("sets the languages and the key that security.txt lists", async ({ page, request }) => {
    await page.goto("/settings/policy");
    await page.getByLabel("Public key for encrypted reports").fill("http://example.org/key.asc");
    await page.getByRole("button", { name: "Save public settings" }).click();
    await expect(page.getByText(/https:\/\/ address of the public key/).first()).toBeVisible();
    await page.getByLabel("Preferred languages").fill("en, de");
    await page.getByLabel("Public key for encrypted reports").fill("https://example.org/key.asc");
    await page.getByRole("button", { name: "Save public settings" }).click();
    await expect(page.getByText("Saved. /.well-known/security.txt")).toBeVisible();

    const text = await (await request.get("/.well-known/security.txt")).text();
    expect(text).toContain("Preferred-Languages: en, de\n");
    expect(text).toContain("Encryption: https://example.org/key.asc\n");
    expect(rfc9116Problems(text, new Date())).toEqual([]);
    await page.goto("/security");
    await expect(page.getByRole("link", { name: "our public key" })).toHaveAttribute(
      "href",
      "https://example.org/key.asc",
    );
  });
});
