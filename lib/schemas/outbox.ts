import { z } from "zod";

/** One mail in the outbox, as the admin routes answer it. */
export const outboxMailSchema = z.object({
  id: z.string(),
  toAddr: z.string(),
  subject: z.string(),
  status: z.enum(["PENDING", "SENDING", "SENT", "FAILED", "CANCELLED"]),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.iso.datetime(),
});
