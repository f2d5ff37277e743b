import { z } from "zod";

import { TEST_EVENT, WEBHOOK_EVENTS, webhookUrlProblem } from "@/lib/domain/webhooks";

// Outbound webhooks (docs/webhooks.md): what an admin sends to register one, and what the API answers.

export const createWebhookInput = z.object({
  url: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = webhookUrlProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1, "Pick at least one event.")
    .transform((e) => [...new Set(e)]),
});
export type CreateWebhookInput = z.input<typeof createWebhookInput>;

const iso = z.iso.datetime();

export const webhookDeliverySchema = z.object({
  id: z.string(),
  /** the webhook-id header of every attempt */
  messageId: z.string(),
  type: z.enum([...WEBHOOK_EVENTS, TEST_EVENT]),
  status: z.enum(["PENDING", "SENDING", "SENT", "FAILED"]),
  attempts: z.number().int(),
  /** the receiver's HTTP status at the last attempt (null: no answer) */
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: iso,
  sentAt: iso.nullable(),
  nextAttemptAt: iso.nullable(),
});
export type WebhookDeliveryDto = z.infer<typeof webhookDeliverySchema>;

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  createdAt: iso,
  /** the latest delivery, if any */
  lastDelivery: webhookDeliverySchema.nullable(),
});
export type WebhookDto = z.infer<typeof webhookSchema>;

/** POST /api/v1/webhooks: the endpoint and its signing secret, shown this once. */
export const webhookCreatedSchema = webhookSchema.extend({ secret: z.string().startsWith("whsec_") });

export const webhookListSchema = z.object({ items: z.array(webhookSchema) });
export const webhookDeliveryListSchema = z.object({ items: z.array(webhookDeliverySchema) });
