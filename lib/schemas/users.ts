import { z } from "zod";

import { ROLES } from "@/lib/permissions";

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid e-mail address" }).max(254));

export const password = z.string().min(12, "Use at least 12 characters").max(256, "Use at most 256 characters");

export const createUserInput = z.object({
  email,
  name: z.string().trim().max(100).optional(),
  role: z.enum(ROLES),
  password: password.optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z.object({
  id: z.uuid(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
  name: z.string().trim().min(1).max(100).optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;

/** The first admin: the name is optional (the e-mail's local part stands in). */
export const firstAdminInput = z.object({
  email,
  name: z.preprocess(
    (v) => (typeof v === "string" && !v.trim() ? undefined : v),
    z.string().trim().max(100).optional(),
  ),
  password,
});

/** POST /api/v1/setup and /setup: the first admin, with the one-time code the server printed in its log. */
export const setupInput = firstAdminInput.extend({
  code: z.string().trim().min(1, "Enter the setup code from the server's log").max(64),
});

export const setupResultSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});
