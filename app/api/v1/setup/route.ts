import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { clientAddress, enforceRateLimit } from "@/lib/server/infra/rate-limit";
import { setupWithCode } from "@/lib/server/users/setup";

export const dynamic = "force-dynamic";

// POST /api/v1/setup — the first admin, with the one-time code from the server's log
export const POST = withRole(routes.setup, async ({ req }) => {
  await enforceRateLimit("setup", clientAddress(req));
  const user = await setupWithCode(await readJson(req, 4 * 1024));
  return json({ id: user.id, email: user.email, name: user.name, role: user.role }, { status: 201 });
});
