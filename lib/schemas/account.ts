import { z } from "zod";

import { ROLES } from "@/lib/permissions";

import { email, password } from "./users";

// The signed-in user's own account (GET/PATCH /api/v1/me, /account) and
// password reset by mail (/api/v1/password-reset, /reset).

export const mailPrefsSchema = z.object({
  newReport: z.boolean(),
  assigned: z.boolean(),
  reply: z.boolean(),
  sla: z.boolean(),
});

export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** which team mails this user gets */
  mail: mailPrefsSchema,
});
export type Me = z.infer<typeof meSchema>;

export const patchMeInput = z.strictObject({
  name: z.string().trim().min(1, "Enter your name").max(100).optional(),
  mail: mailPrefsSchema.partial().strict().optional(),
});
export type PatchMeInput = z.input<typeof patchMeInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(256),
  password,
});

export const passwordResetRequest = z.object({ email });

export const passwordResetConfirm = z.object({
  token: z.string().max(200),
  password,
});

/** One of your signed-in sessions, as /account lists it. */
export const sessionItemSchema = z.object({
  id: z.uuid(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** a short name for the browser ("Firefox on Linux") */
  device: z.string(),
  /** the session this request came with */
  current: z.boolean(),
});
export type SessionItem = z.infer<typeof sessionItemSchema>;

export const sessionIdInput = z.object({ id: z.uuid("Not a session id") });
