import type { APIRequestContext, Page } from "@playwright/test";

// Every page of the app, as the accessibility checks visit it (e2e/a11y.spec.ts, e2e/fresh/a11y.spec.ts).
// A page file (app/**/page.tsx) missing here fails scripts/a11y-screens.test.ts: a new page adds one entry.
//
// This file imports no Playwright runtime, so the unit test can read it.

/** Who looks at the screen: nobody signed in, the demo admin, or nobody on the fresh (empty) server. */
export type Viewer = "anon" | "admin" | "fresh";

export interface ScreenHelpers {
  /** API client as an anonymous caller, or with the demo admin's token. */
  api(role: "admin" | null): Promise<APIRequestContext>;
}

export interface Screen {
  /** The page's route as the file tree spells it, e.g. "/reports/[key]" for app/(team)/reports/[key]/page.tsx. */
  route: string;
  viewer: Viewer;
  /** The address to open; a function when it needs data made or read first (made once per run). */
  path: string | ((h: ScreenHelpers) => Promise<string>);
  /** Waits until the screen is complete, then puts it in the state to check (e.g. a drag in progress). */
  ready(page: Page): Promise<void>;
  /** Undoes what ready() started, so the next screen starts clean. */
  after?(page: Page): Promise<void>;
}

/** Pages that only redirect, so there is nothing of their own to check. */
export const REDIRECT_ONLY: Record<string, string> = {
  "/": "sends a signed-in user to /board, anyone else to /signin",
  "/settings": "sends to /settings/users",
};

const visible = (page: Page, testId: string) => page.getByTestId(testId).first().waitFor();
const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { name, level: 1 }).first().waitFor();

export const SCREENS: Screen[] = [
  { route: "/signin", viewer: "anon", path: "/signin", ready: (p) => heading(p, /sign in/i) },
  { route: "/setup", viewer: "fresh", path: "/setup", ready: (p) => heading(p, "Set up Embargo") },
  { route: "/reset", viewer: "anon", path: "/reset", ready: (p) => heading(p, "Reset your password") },
  {
    route: "/reset/[token]",
    viewer: "anon",
    // the page checks the token only when the form is sent: any well-formed one shows it
    path: `/reset/${"a".repeat(43)}`,
    ready: (p) => heading(p, "Set a new password"),
  },
  { route: "/report", viewer: "anon", path: "/report", ready: (p) => heading(p, "Report a security vulnerability") },
  { route: "/security", viewer: "anon", path: "/security", ready: (p) => heading(p, /security policy/) },
  {
    route: "/security/[project]",
    viewer: "anon",
    path: "/security/express",
    ready: (p) => heading(p, "Express: security policy"),
  },
  {
    route: "/status/[token]",
    viewer: "anon",
    path: async ({ api }) => {
      const res = await (
        await api(null)
      ).post("/api/v1/reports", {
        data: { title: "Accessibility check", body: "Body", reporterEmail: "a11y@example.org", reporterName: "Ada" },
      });
      return new URL(((await res.json()) as { statusUrl: string }).statusUrl).pathname;
    },
    ready: (p) => p.getByLabel("Reply to the security team").waitFor(),
  },
  {
    route: "/board",
    viewer: "admin",
    path: "/board",
    // a drag in progress, held over a column the rules refuse (dimmed, with the reason)
    async ready(page) {
      await page.getByTestId("board").and(page.locator("[data-hydrated=true]")).waitFor();
      await page.getByTestId("column-NEW").getByTestId("report-card").first().focus();
      await page.keyboard.press("Space");
      await visible(page, "drag-overlay");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
    },
    async after(page) {
      await page.keyboard.press("Escape");
      await page.getByTestId("drag-overlay").waitFor({ state: "detached" });
    },
  },
  {
    route: "/reports/[key]",
    viewer: "admin",
    path: async ({ api }) => {
      const board = (await (await (await api("admin")).get("/api/v1/board")).json()) as {
        columns: Record<string, { items: { key: string }[] }>;
      };
      return `/reports/${board.columns.FIXING!.items[0]!.key}`;
    },
    ready: (p) => p.getByRole("list", { name: "Timeline" }).waitFor(),
  },
  { route: "/matrix", viewer: "admin", path: "/matrix", ready: (p) => visible(p, "matrix") },
  { route: "/import", viewer: "admin", path: "/import", ready: (p) => heading(p, /import/i) },
  { route: "/account", viewer: "admin", path: "/account", ready: (p) => heading(p, "Your account") },
  { route: "/settings/users", viewer: "admin", path: "/settings/users", ready: (p) => visible(p, "user-row") },
  { route: "/settings/tokens", viewer: "admin", path: "/settings/tokens", ready: (p) => heading(p, /token/i) },
  {
    route: "/settings/projects",
    viewer: "admin",
    path: "/settings/projects",
    ready: (p) => visible(p, "project-card"),
  },
  { route: "/settings/policy", viewer: "admin", path: "/settings/policy", ready: (p) => heading(p, /policy/i) },
  { route: "/settings/canned", viewer: "admin", path: "/settings/canned", ready: (p) => heading(p, /canned/i) },
  { route: "/settings/outbox", viewer: "admin", path: "/settings/outbox", ready: (p) => heading(p, /outbox/i) },
  { route: "/settings/unparsed", viewer: "admin", path: "/settings/unparsed", ready: (p) => heading(p, /unparsed/i) },
  { route: "/settings/backup", viewer: "admin", path: "/settings/backup", ready: (p) => heading(p, "Backups") },
];
