import { z } from "zod";

/** POST /api/v1/inbound/email: the report the message went to (null if it could not be read). */
export const inboundResultSchema = z.object({
  key: z.string().nullable(),
  threaded: z.boolean(),
  duplicate: z.boolean().optional(),
  unparsed: z.boolean().optional(),
});
export type InboundResult = z.infer<typeof inboundResultSchema>;
