import { routes } from "@/lib/schemas/routes";
import { readJson, withRole } from "@/lib/server/http/api";
import { clientAddress } from "@/lib/server/infra/rate-limit";
import { requestPasswordReset } from "@/lib/server/users/password-reset";

export const dynamic = "force-dynamic";

// POST /api/v1/password-reset — mail a reset link; 202 whether or not the account exists
export const POST = withRole(routes.requestPasswordReset, async ({ req }) => {
  await requestPasswordReset(await readJson(req, 4 * 1024), clientAddress(req));
  return new Response(null, { status: 202, headers: { "Cache-Control": "no-store" } });
});
