import { routes } from "@/lib/schemas/routes";
import { json, readJson, withRole } from "@/lib/server/http/api";
import { getMe, updateMe } from "@/lib/server/users/account";

export const dynamic = "force-dynamic";

// GET /api/v1/me — your account and which team mails you get
export const GET = withRole(routes.getMe, async ({ actor }) => json(await getMe(actor)));

// PATCH /api/v1/me — change your name or your team-mail choices
export const PATCH = withRole(routes.patchMe, async ({ req, actor }) =>
  json(await updateMe(actor, await readJson(req, 4 * 1024))),
);
