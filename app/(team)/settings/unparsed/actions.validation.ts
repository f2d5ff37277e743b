import { z } from "zod";

import { optionalText, text } from "@/lib/schemas/form-fields";

// FormData → the unparsed-mail use cases' input.

export const mailToReportForm = z.object({
  id: text,
  title: text,
  reporterEmail: text,
  reporterName: optionalText,
  project: optionalText,
  // a checkbox: sent as "on" when ticked, absent when not
  notifyReporter: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
