import { looksLikeMail } from "@/lib/domain/mail-shape";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { routes } from "@/lib/schemas/routes";
import { json, readBytes, withRole } from "@/lib/server/http/api";
import { hashesEqual, sha256Hex } from "@/lib/server/infra/crypto";
import { MAX_INBOUND_BYTES, receiveEmail } from "@/lib/server/mail/inbound";
import { withIntakeSlot } from "@/lib/server/mail/intake-limit";

export const dynamic = "force-dynamic";

function authorizeMailSystem(req: Request): void {
  const secret = env().INBOUND_EMAIL_SECRET;
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  // compare digests in constant time; an unset secret accepts nothing
  if (!secret || !presented || !hashesEqual(sha256Hex(presented), sha256Hex(secret))) {
    throw new DomainError("unauthenticated", "Send the inbound mail secret as a bearer token.");
  }
}

// POST /api/v1/inbound/email — a raw RFC 822 message from the mail system. Permanent failures are 4xx (a wrong
// secret 401, too large 413, not a mail 400: bounce, do not retry); a database outage or a full intake is 503 with
// Retry-After (retry later). The body is read as it streams in and refused as soon as it passes the cap.
export const POST = withRole(routes.inboundEmail, async ({ req }) => {
  authorizeMailSystem(req);
  const raw = await readBytes(req, MAX_INBOUND_BYTES);
  if (!looksLikeMail(raw)) throw new DomainError("bad_request", "The body must be the raw message (message/rfc822).");
  return json(await withIntakeSlot(() => receiveEmail(raw)), { status: 202 });
});
