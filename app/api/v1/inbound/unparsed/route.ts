import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { listUnparsedMailView } from "@/lib/server/mail/unparsed";

export const dynamic = "force-dynamic";

// GET /api/v1/inbound/unparsed — stored mail that became no report (admin)
export const GET = withRole(routes.listUnparsedMail, async ({ actor }) => json(await listUnparsedMailView(actor)));
