import { describe, expect, it } from "vitest";

import { checkSource, routePath } from "./boundaries";

const routes = {
  getReport: { method: "GET", path: "/api/v1/reports/{key}" },
  patchReport: { method: "PATCH", path: "/api/v1/reports/{key}" },
};
const ROUTE = "app/api/v1/reports/[key]/route.ts";
const check = (file: string, text: string) => checkSource(file, text, routes);

describe("route files", () => {
  it("pass when each handler is withRole with its own route entry", () => {
    const text = `export const dynamic = "force-dynamic";
export const GET = withRole<{ key: string }>(routes.getReport, async () => json({}));
export const PATCH = withRole(routes.patchReport, handler);`;
    expect(check(ROUTE, text)).toEqual([]);
  });

  it.each([
    ["a plain function", "export async function GET() {\n  return new Response();\n}", 1, "not wrapped"],
    ["a bare arrow", "const x = 1;\nexport const POST = async () => new Response();", 2, "not wrapped in withRole"],
    ["another wrapper", "export const GET = withAuth(routes.getReport, h);", 1, "not wrapped in withRole"],
    ["a permission string", 'export const GET = withRole("reports.read", h);', 1, "entry of routes"],
    ["a re-export", "const h = () => null;\nexport { h as GET };", 2, "re-exported"],
    ["another route's entry", "export const PATCH = withRole(routes.getReport, h);", 1, "declares GET"],
  ])("fail on %s, naming the line", (_, text, line, message) => {
    const problems = check(ROUTE, text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(line);
    expect(problems[0]!.message).toContain(message);
  });

  it("fail when the route's path is not the one its entry declares", () => {
    const [problem] = check("app/api/v1/other/route.ts", "export const GET = withRole(routes.getReport, h);");
    expect(problem?.message).toContain("declares GET /api/v1/reports/{key}");
  });

  it("leave next-auth's own handler alone", () => {
    expect(check("app/api/auth/[...nextauth]/route.ts", "export { handler as GET, handler as POST };")).toEqual([]);
  });

  it("map files to API paths", () => {
    expect(routePath("app/api/v1/reports/[key]/matrix/[line]/route.ts")).toBe("/api/v1/reports/{key}/matrix/{line}");
  });
});

describe('"use server" files', () => {
  const USE_SERVER = '"use server";\n';

  it("pass with async functions and types only", () => {
    const text = `${USE_SERVER}import { x } from "y";
export type State = { ok: boolean };
export async function save(prev: State, form: FormData) { return prev; }`;
    expect(check("app/x/actions.ts", text)).toEqual([]);
  });

  it.each([
    ["a constant", "export const LIMIT = 5;", "LIMIT is a variable"],
    ["a schema", "export const schema = z.object({});", "schema is a variable"],
    ["a sync function", "export function helper() {}", "helper is not async"],
    ["a class", "export class Thing {}", "Thing is a class"],
    ["a re-export", 'export { save } from "./other";', "re-exports"],
    ["a default expression", "export default 1;", "default export"],
  ])("fail on %s, naming the line", (_, body, message) => {
    const problems = check("app/x/actions.ts", `${USE_SERVER}${body}`);
    expect(problems).toEqual([{ line: 2, message: expect.stringContaining(message) }]);
  });

  it("ignore files without the directive", () => {
    expect(check("app/x/helpers.ts", "export const LIMIT = 5;")).toEqual([]);
  });
});
