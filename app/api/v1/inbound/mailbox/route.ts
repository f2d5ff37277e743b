import { routes } from "@/lib/schemas/routes";
import { json, withRole } from "@/lib/server/http/api";
import { getMailboxStatusView } from "@/lib/server/mail/mailbox-state";

export const dynamic = "force-dynamic";

// GET /api/v1/inbound/mailbox — the IMAP mailbox's state: connected, last read, last error, counts (admin)
export const GET = withRole(routes.getMailboxStatus, async ({ actor }) => json(await getMailboxStatusView(actor)));
