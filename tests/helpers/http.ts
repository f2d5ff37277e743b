// Calls a route handler as Next does, with a JSON body, for tests of the
// HTTP layer (status codes and the error shape) on the real database.

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;

export function postJson(
  handler: RouteHandler,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return handler(
    new Request("http://localhost/api/v1/test", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
}
