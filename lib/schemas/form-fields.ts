import { z } from "zod";

// Form fields as FormData delivers them (a string, or nothing when the field
// is absent), turned into a use case's input by each *.validation.ts.

/** A text field; absent is "". */
export const text = z.string().default("");

/** An optional text field: absent or blank is undefined, anything else kept as typed. */
export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v : undefined));

/** A select of fixed values: absent or empty is undefined, anything else must be one of them. */
export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional());

/** A "true"/"false" field (e.g. a toggle's hidden input); absent is undefined. */
export const optionalBoolean = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true"));
