import { type Route, route } from "../route";
import { createWebhookInput } from "../webhooks";

export const webhookRoutes = {
  listWebhooks: route({
    method: "GET",
    path: "/api/v1/webhooks",
    access: "settings.manage",
    summary: "Registered webhook endpoints, each with its latest delivery",
    ok: { status: 200, schema: "WebhookList" },
    errors: [401, 403],
  }),
  createWebhook: route({
    method: "POST",
    path: "/api/v1/webhooks",
    access: "settings.manage",
    summary:
      "Register an endpoint for events; answers its signing secret (whsec_…) once. Only http(s) URLs; private addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true",
    body: createWebhookInput,
    ok: { status: 201, schema: "WebhookCreated" },
    errors: [400, 401, 403],
  }),
  deleteWebhook: route({
    method: "DELETE",
    path: "/api/v1/webhooks/{id}",
    access: "settings.manage",
    summary: "Remove an endpoint and its delivery log; nothing more is sent to it",
    ok: { status: 204, empty: true },
    errors: [401, 403, 404],
  }),
  webhookDeliveries: route({
    method: "GET",
    path: "/api/v1/webhooks/{id}/deliveries",
    access: "settings.manage",
    summary: "The endpoint's latest 50 deliveries: event, status, attempts, the receiver's HTTP status",
    ok: { status: 200, schema: "WebhookDeliveryList" },
    errors: [401, 403, 404],
  }),
  testWebhook: route({
    method: "POST",
    path: "/api/v1/webhooks/{id}/test",
    access: "settings.manage",
    summary: "Queue a webhook.test event to the endpoint (delivered within seconds, like any other)",
    ok: { status: 202, schema: "WebhookDelivery" },
    errors: [401, 403, 404],
  }),
} satisfies Record<string, Route>;
