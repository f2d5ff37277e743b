import { z } from "zod";

import { TEAM_MAIL_KINDS } from "@/lib/domain/team-mail";
import { text } from "@/lib/schemas/form-fields";

// FormData → the account use cases' input (which validate the values themselves).

/** A checkbox: sent ("on") when ticked, absent when not. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v !== undefined);

export const profileForm = z
  .object({ name: text, ...Object.fromEntries(TEAM_MAIL_KINDS.map((k) => [`mail.${k}`, checkbox])) })
  .transform((f) => ({
    name: f.name,
    mail: Object.fromEntries(TEAM_MAIL_KINDS.map((k) => [k, (f as Record<string, unknown>)[`mail.${k}`]])),
  }));

export const passwordForm = z.object({ currentPassword: text, password: text });

export const sessionForm = z.object({ id: text });

export const noFields = z.object({});
