import { routes } from "@/lib/schemas/routes";
import { withRole } from "@/lib/server/http/api";
import { subscribe } from "@/lib/server/infra/live";

export const dynamic = "force-dynamic";

// GET /api/v1/events — server-sent events: `report` whenever a report changes, `resync` when
// changes may have been missed (the server's own LISTEN connection was lost and is back)
export const GET = withRole(routes.events, async ({ req }) => {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribe(
        (change) => send(`event: report\ndata: ${JSON.stringify(change)}\n\n`),
        () => send("event: resync\ndata: {}\n\n"),
      );
      // a comment every 25 s keeps proxies from closing an idle stream
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), 25_000);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      req.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      send("retry: 3000\n: connected\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
