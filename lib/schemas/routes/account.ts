import { passwordResetConfirm, passwordResetRequest, patchMeInput } from "../account";
import { type Route, route } from "../route";
import { setupInput } from "../users";

export const accountRoutes = {
  getMe: route({
    method: "GET",
    path: "/api/v1/me",
    access: "account.self",
    summary: "Your account: name, role and which team mails you get",
    ok: { status: 200, schema: "Me" },
    errors: [401, 403],
  }),
  patchMe: route({
    method: "PATCH",
    path: "/api/v1/me",
    access: "account.self",
    summary: "Change your name or which team mails you get (mail: {newReport, assigned, reply, sla}, each optional)",
    body: patchMeInput,
    ok: { status: 200, schema: "Me" },
    errors: [400, 401, 403],
  }),
  requestPasswordReset: route({
    method: "POST",
    path: "/api/v1/password-reset",
    access: "public",
    summary: "Mail a one-time reset link (valid 1 hour) if the address has an account; 202 either way (rate limited)",
    body: passwordResetRequest,
    ok: { status: 202, empty: true },
    errors: [400, 429],
  }),
  confirmPasswordReset: route({
    method: "POST",
    path: "/api/v1/password-reset/confirm",
    access: "public",
    summary:
      "Set a new password with a reset link's token; ends every session of the user. 400: not a valid link or a weak password; 410: expired or used",
    body: passwordResetConfirm,
    ok: { status: 204, empty: true },
    errors: [400, 410, 429],
  }),
  setup: route({
    method: "POST",
    path: "/api/v1/setup",
    access: "public",
    summary:
      "Create the first admin with the one-time setup code the server printed in its log (rate limited). 400: bad input; 403: not the setup code; 409: setup is already complete",
    body: setupInput,
    ok: { status: 201, schema: "SetupResult" },
    errors: [400, 403, 409, 429],
  }),
} satisfies Record<string, Route>;
