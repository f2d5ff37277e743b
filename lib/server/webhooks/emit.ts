import "server-only";

import { randomUUID } from "node:crypto";

import type { WebhookEvent, WebhookReport } from "@/lib/domain/webhooks";
import { webhookPayload } from "@/lib/domain/webhooks";
import { appUrl } from "@/lib/env";
import type { Tx } from "@/lib/server/infra/db";

// Events are queued in the same transaction as the change that raised them, one delivery row per endpoint that
// subscribed: committed together, or not at all. The worker (deliver.ts) posts them.

/** Queues `type` about `report` for every endpoint subscribed to it; returns how many were queued. */
export async function emitWebhook(
  tx: Tx,
  type: WebhookEvent,
  report: WebhookReport,
  at: Date,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { events: { has: type } }, select: { id: true } });
  if (!endpoints.length) return 0;
  const payload = JSON.stringify(webhookPayload(type, report, appUrl(), at, extra));
  await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({
      endpointId: e.id,
      messageId: `msg_${randomUUID()}`,
      type,
      payload,
    })),
  });
  return endpoints.length;
}

/** What a payload says of a report, from a row with its project. */
export function webhookReport(r: {
  key: string;
  title: string;
  status: string;
  severity?: string | null;
  project?: { slug: string } | null;
}): WebhookReport {
  return { key: r.key, title: r.title, status: r.status, project: r.project?.slug ?? null, severity: r.severity };
}
