import { z } from "zod";

import { optionalText, text } from "@/lib/schemas/form-fields";

// FormData → submitReport's input (which validates the values themselves).
export const reportForm = z.object({
  title: text,
  body: text,
  reporterEmail: text,
  reporterName: optionalText,
  project: optionalText,
  reportedVersion: optionalText,
  // an unknown choice falls back to the form's default
  creditPreference: z.enum(["NAME", "ANONYMOUS", "NONE"]).catch("NAME"),
  creditName: optionalText,
  /** the honeypot: people never see it, so never fill it in */
  website: text,
});

/** The fields sent back to refill the form after an error. */
export const REPORT_FIELDS = [
  "title",
  "body",
  "project",
  "reportedVersion",
  "reporterName",
  "reporterEmail",
  "creditPreference",
  "creditName",
] as const;
