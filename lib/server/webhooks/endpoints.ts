import "server-only";

import { randomBytes, randomUUID } from "node:crypto";

import { TEST_EVENT, webhookPayload } from "@/lib/domain/webhooks";
import { appUrl } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { WebhookDeliveryDto, WebhookDto } from "@/lib/schemas/webhooks";
import { createWebhookInput, webhookDeliverySchema } from "@/lib/schemas/webhooks";
import type { Actor } from "@/lib/server/auth/actor";
import { actorUserId, authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";
import { newRowId, sealField } from "@/lib/server/infra/sealed";
import { parseInput } from "@/lib/server/infra/validate";

// Admins register webhook endpoints (Settings → Webhooks, /api/v1/webhooks). The signing secret is made here,
// answered once, and kept encrypted; nobody can read it back, only make a new endpoint.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type DeliveryRow = {
  id: string;
  messageId: string;
  type: string;
  status: WebhookDeliveryDto["status"];
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
};

export function deliveryDto(d: DeliveryRow): WebhookDeliveryDto {
  return webhookDeliverySchema.parse({
    ...d,
    createdAt: d.createdAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
    nextAttemptAt: d.status === "PENDING" ? d.nextAttemptAt.toISOString() : null,
  });
}

const notFound = () => new DomainError("not_found", "No such webhook endpoint.");

async function endpointOrThrow(id: string) {
  const row = UUID.test(id) ? await db().webhookEndpoint.findUnique({ where: { id }, omit: { secret: true } }) : null;
  if (!row) throw notFound();
  return row;
}

/** GET /api/v1/webhooks */
export async function listWebhooks(actor: Actor | null): Promise<{ items: WebhookDto[] }> {
  authorize(actor, "settings.manage");
  const rows = await db().webhookEndpoint.findMany({
    orderBy: { createdAt: "asc" },
    omit: { secret: true },
    include: { deliveries: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      url: r.url,
      events: r.events as WebhookDto["events"],
      createdAt: r.createdAt.toISOString(),
      lastDelivery: r.deliveries[0] ? deliveryDto(r.deliveries[0]) : null,
    })),
  };
}

/** POST /api/v1/webhooks: the new endpoint with its secret, which is never shown again. */
export async function createWebhook(actor: Actor | null, raw: unknown): Promise<WebhookDto & { secret: string }> {
  authorize(actor, "settings.manage");
  const input = parseInput(createWebhookInput, raw);
  // Standard Webhooks secrets: "whsec_" and base64 of 24 to 64 random bytes
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const id = newRowId();
  const row = await db().$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        id,
        url: input.url,
        events: input.events,
        secret: sealField("WebhookEndpoint.secret", id, secret),
        createdById: actorUserId(actor),
      },
      omit: { secret: true },
    });
    await audit(tx, actor, {
      action: "webhook.create",
      entityType: "webhook",
      entityId: id,
      after: { url: input.url, events: input.events },
    });
    return created;
  });
  return {
    id: row.id,
    url: row.url,
    events: input.events,
    createdAt: row.createdAt.toISOString(),
    lastDelivery: null,
    secret,
  };
}

/** DELETE /api/v1/webhooks/{id}: the endpoint and its log; a delivery in flight finishes, nothing new starts. */
export async function deleteWebhook(actor: Actor | null, id: string): Promise<void> {
  authorize(actor, "settings.manage");
  const row = await endpointOrThrow(id);
  await db().$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: row.id } });
    await audit(tx, actor, {
      action: "webhook.delete",
      entityType: "webhook",
      entityId: row.id,
      before: { url: row.url },
    });
  });
}

/** GET /api/v1/webhooks/{id}/deliveries: the latest 50. */
export async function listDeliveries(actor: Actor | null, id: string): Promise<{ items: WebhookDeliveryDto[] }> {
  authorize(actor, "settings.manage");
  const row = await endpointOrThrow(id);
  const rows = await db().webhookDelivery.findMany({
    where: { endpointId: row.id },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return { items: rows.map(deliveryDto) };
}

/** POST /api/v1/webhooks/{id}/test: a webhook.test event, queued like any other. */
export async function sendTestEvent(actor: Actor | null, id: string, now = new Date()): Promise<WebhookDeliveryDto> {
  authorize(actor, "settings.manage");
  const row = await endpointOrThrow(id);
  const payload = webhookPayload(
    TEST_EVENT,
    { key: "SEC-0000-0000", title: "A test event from Embargo", status: "NEW", project: null },
    appUrl(),
    now,
    { test: true },
  );
  const delivery = await db().webhookDelivery.create({
    data: {
      endpointId: row.id,
      messageId: `msg_${randomUUID()}`,
      type: TEST_EVENT,
      payload: JSON.stringify(payload),
      nextAttemptAt: now,
    },
  });
  return deliveryDto(delivery);
}
