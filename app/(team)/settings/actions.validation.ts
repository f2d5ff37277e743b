import { z } from "zod";

import { ROLES } from "@/lib/permissions";
import { optionalBoolean, optionalChoice, optionalText, text } from "@/lib/schemas/form-fields";

// FormData → each settings use case's input. The use cases validate the
// values themselves; these only turn form fields into that shape.

export const createUserForm = z.object({
  email: text,
  name: optionalText,
  role: optionalChoice(ROLES).transform((role) => role ?? "VIEWER"),
  password: optionalText,
});

export const updateUserForm = z.object({
  id: text,
  role: optionalChoice(ROLES),
  disabled: optionalBoolean,
});

export const createTokenForm = z.object({
  email: text,
  name: text,
  expiresInDays: optionalText.transform((days) => (days === undefined ? undefined : Number(days))),
});

/** A row's id (revoke a token, delete a canned response). */
export const idForm = z.object({ id: text });

export const policyForm = z.object({
  project: optionalText,
  acknowledgeHours: text,
  responseHours: text,
  updateDays: text,
  fixDaysCritical: text,
  fixDaysHigh: text,
  fixDaysMedium: text,
  fixDaysLow: text,
  calendar: optionalChoice(["CALENDAR", "BUSINESS"]).transform((mode) => mode ?? "CALENDAR"),
  timeZone: optionalText.transform((zone) => zone ?? "UTC"),
  holidays: text.transform((list) => list.split(/[\s,]+/).filter(Boolean)),
  text: z.string().optional(),
});

export const cannedForm = z.object({
  id: optionalText,
  name: text,
  body: text,
  visibility: z
    .string()
    .optional()
    .transform((v) => (v === "INTERNAL" ? "INTERNAL" : "REPORTER")),
});

export const projectForm = z.object({
  slug: text,
  name: text,
  packageName: optionalText,
  ecosystem: optionalText,
  repositoryUrl: optionalText,
});

/** The release lines editor sends its rows as data, not a form: the use case validates them. */
export const linesForm = z.object({ slug: z.string(), lines: z.unknown() });
