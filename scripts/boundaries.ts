import ts from "typescript";

// The rules scripts/check-boundaries.ts enforces, on one file's source text:
// - a "use server" file exports only actions (`export async function`): each
//   export is a public endpoint, so nothing else may leak out by accident;
// - an app/api/**/route.ts exports its HTTP handlers only as
//   `export const GET = withRole(routes.x, …)`, where routes.x declares that
//   same method and path (lib/schemas/routes.ts).

export type Problem = { line: number; message: string };
export type RouteTable = Record<string, { method: string; path: string }>;

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/** next-auth serves its own endpoints; its handler cannot take a permission. */
export const UNWRAPPED_ROUTES = new Set(["app/api/auth/[...nextauth]/route.ts"]);

const lineOf = (sf: ts.SourceFile, node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
const isExported = (node: ts.Node) => hasModifier(node, ts.SyntaxKind.ExportKeyword);

export function isUseServer(sf: ts.SourceFile): boolean {
  const first = sf.statements[0];
  return (
    !!first &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use server"
  );
}

function checkUseServer(sf: ts.SourceFile): Problem[] {
  const problems: Problem[] = [];
  const bad = (node: ts.Node, what: string) =>
    problems.push({ line: lineOf(sf, node), message: `a "use server" file exports only async functions: ${what}` });
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) && isExported(s)) {
      if (!hasModifier(s, ts.SyntaxKind.AsyncKeyword)) bad(s, `${s.name?.text ?? "default"} is not async`);
    } else if (ts.isVariableStatement(s) && isExported(s)) {
      for (const d of s.declarationList.declarations) bad(d, `${d.name.getText(sf)} is a variable`);
    } else if ((ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) && isExported(s)) {
      bad(s, `${s.name?.text ?? "default"} is a ${ts.isClassDeclaration(s) ? "class" : "enum"}`);
    } else if (ts.isExportDeclaration(s) && !s.isTypeOnly) {
      bad(s, "re-exports cannot be checked; declare the action here");
    } else if (ts.isExportAssignment(s)) {
      bad(s, "a default export that is not a function declaration");
    }
  }
  return problems;
}

/** "app/api/v1/reports/[key]/route.ts" → "/api/v1/reports/{key}" */
export function routePath(file: string): string {
  return file
    .replace(/^app/, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\/\(([^)]+)\)/g, "")
    .replace(/\[(\w+)\]/g, "{$1}");
}

function checkRoute(sf: ts.SourceFile, file: string, routes: RouteTable): Problem[] {
  const problems: Problem[] = [];
  const bad = (node: ts.Node, message: string) => problems.push({ line: lineOf(sf, node), message });
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) && isExported(s) && s.name && HTTP_METHODS.has(s.name.text)) {
      bad(s, `${s.name.text} is not wrapped: write export const ${s.name.text} = withRole(routes.…, handler)`);
    } else if (ts.isVariableStatement(s) && isExported(s)) {
      for (const d of s.declarationList.declarations) {
        const name = d.name.getText(sf);
        if (!HTTP_METHODS.has(name)) continue;
        const call = d.initializer;
        if (!call || !ts.isCallExpression(call) || call.expression.getText(sf) !== "withRole") {
          bad(d, `${name} is not wrapped in withRole`);
          continue;
        }
        const arg = call.arguments[0];
        const key =
          arg && ts.isPropertyAccessExpression(arg) && arg.expression.getText(sf) === "routes" ? arg.name.text : null;
        const declared = key ? routes[key] : undefined;
        if (!declared) {
          bad(d, `${name}: withRole's first argument must be an entry of routes (lib/schemas/routes.ts)`);
        } else if (declared.method !== name || declared.path !== routePath(file)) {
          bad(d, `${name} ${routePath(file)} uses routes.${key}, which declares ${declared.method} ${declared.path}`);
        }
      }
    } else if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements)
        if (HTTP_METHODS.has(e.name.text)) bad(e, `${e.name.text} is re-exported, not wrapped in withRole`);
    }
  }
  return problems;
}

/** The problems of one file (path relative to the repository root, with forward slashes). */
export function checkSource(file: string, text: string, routes: RouteTable): Problem[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const problems = isUseServer(sf) ? checkUseServer(sf) : [];
  if (/^app\/api\/.*\/route\.ts$/.test(file) && !UNWRAPPED_ROUTES.has(file))
    problems.push(...checkRoute(sf, file, routes));
  return problems;
}
