import { routes } from "@/lib/schemas/routes";
import { withRole } from "@/lib/server/http/api";
import { securityTxtText } from "@/lib/server/security/public-page";

// RFC 9116: who to tell about a vulnerability, built from the settings on each request (so Expires renews itself).

export const dynamic = "force-dynamic";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

export const GET = withRole(routes.securityTxt, async () => {
  const text = await securityTxtText();
  if (text === null)
    return new Response("No security contact is configured (set INBOUND_ADDRESS, or serve over https://).\n", {
      status: 404,
      headers: TEXT,
    });
  return new Response(text, { headers: { ...TEXT, "Cache-Control": "public, max-age=3600" } });
});
