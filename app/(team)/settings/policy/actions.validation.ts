import { z } from "zod";

// FormData → the public page settings' input; the use case validates the values.

export const publicSettingsForm = z.object({
  preferredLanguages: z.string().default(""),
  encryption: z.string().default(""),
});
