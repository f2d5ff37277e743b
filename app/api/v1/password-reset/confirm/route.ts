import { routes } from "@/lib/schemas/routes";
import { readJson, withRole } from "@/lib/server/http/api";
import { clientAddress } from "@/lib/server/infra/rate-limit";
import { confirmPasswordReset } from "@/lib/server/users/password-reset";

export const dynamic = "force-dynamic";

// POST /api/v1/password-reset/confirm — set a new password with a reset link's token; ends every session
export const POST = withRole(routes.confirmPasswordReset, async ({ req }) => {
  await confirmPasswordReset(await readJson(req, 4 * 1024), clientAddress(req));
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
