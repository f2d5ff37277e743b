import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { routes } from "@/lib/schemas/routes";
import { json, readBytes, withRole } from "@/lib/server/http/api";
import { hashesEqual, sha256Hex } from "@/lib/server/infra/crypto";
import { MAX_INBOUND_BYTES, receiveEmail } from "@/lib/server/mail/inbound";

export const dynamic = "force-dynamic";

function authorizeMailSystem(req: Request): void {
  const secret = env().INBOUND_EMAIL_SECRET;
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  // compare digests in constant time; an unset secret accepts nothing
  if (!secret || !presented || !hashesEqual(sha256Hex(presented), sha256Hex(secret))) {
    throw new DomainError("unauthenticated", "Send the inbound mail secret as a bearer token.");
  }
}

// POST /api/v1/inbound/email — a raw RFC 822 message from the mail system
export const POST = withRole(routes.inboundEmail, async ({ req }) => {
  authorizeMailSystem(req);
  const raw = await readBytes(req, MAX_INBOUND_BYTES);
  if (!raw.length) throw new DomainError("bad_request", "The body must be the raw message (message/rfc822).");
  return json(await receiveEmail(raw), { status: 202 });
});
