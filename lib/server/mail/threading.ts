import "server-only";

import type { AddressObject, ParsedMail } from "mailparser";

import { keyInAddress, keyInSubject } from "@/lib/domain/mail-body";
import { isReportKey } from "@/lib/domain/report-key";
import { MAX_BODY_BYTES } from "@/lib/schemas/reports";
import type { Tx } from "@/lib/server/infra/db";

// Reading a parsed inbound message: who sent it, which report it answers,
// and its text without the quoted history.

export function firstAddress(
  field: AddressObject | AddressObject[] | undefined,
): { address: string; name: string | null } | null {
  const list = ([] as AddressObject[]).concat(field ?? []).flatMap((a) => a.value);
  const hit = list.find((v) => v.address);
  return hit ? { address: hit.address!.trim().toLowerCase(), name: hit.name?.trim() || null } : null;
}

/** Every address the mail went to: To, Cc, then Delivered-To. */
export function allAddresses(mail: ParsedMail): string[] {
  // mailparser reads Delivered-To as an address object, as it does To and Cc (a plain string in older versions)
  const delivered = mail.headers.get("delivered-to") as AddressObject | AddressObject[] | string | string[] | undefined;
  const fields = [mail.to, mail.cc, delivered].flatMap((f) => ([] as (AddressObject | string)[]).concat(f ?? []));
  return fields
    .flatMap((a) => (typeof a === "string" ? [a] : a.value.map((v) => v.address ?? "")))
    .filter((a) => typeof a === "string" && a.length > 0);
}

export function referencedIds(mail: ParsedMail): string[] {
  const refs = ([] as string[]).concat(mail.references ?? []);
  return [
    ...new Set(
      [mail.inReplyTo, ...refs]
        .filter((v): v is string => !!v)
        .flatMap((v) => v.split(/\s+/))
        .filter(Boolean),
    ),
  ].slice(0, 100);
}

/**
 * The report a reply belongs to: by our Message-IDs, or by key (subject tag
 * or tagged address) from its reporter. A From header is easy to forge and a
 * key easy to guess, so only a reply to one of our own messages, from the
 * address we sent it to, counts as the reporter speaking; anything else is
 * threaded for the team only.
 */
export async function findThread(
  tx: Tx,
  mail: ParsedMail,
  from: string,
): Promise<{ id: string; key: string; fromReporter: boolean } | null> {
  const ids = referencedIds(mail);
  let reportId: string | null = null;
  let verified = false;
  if (ids.length) {
    const ours = await tx.outboundMail.findFirst({
      where: { messageId: { in: ids }, reportId: { not: null } },
      select: { reportId: true, toAddr: true },
    });
    if (ours) {
      reportId = ours.reportId;
      verified = ours.toAddr.toLowerCase() === from;
    } else {
      const hit =
        (await tx.timelineEvent.findFirst({ where: { messageId: { in: ids } }, select: { reportId: true } })) ??
        (await tx.inboundMessage.findFirst({
          where: { messageId: { in: ids }, reportId: { not: null } },
          select: { reportId: true },
        }));
      reportId = hit?.reportId ?? null;
    }
  }
  if (!reportId) {
    const key = keyInSubject(mail.subject ?? "") ?? allAddresses(mail).map(keyInAddress).find(Boolean) ?? null;
    if (key && isReportKey(key)) {
      const byKey = await tx.report.findUnique({
        where: { key },
        select: { id: true, reporter: { select: { email: true } } },
      });
      // a key alone is no secret: only the report's own reporter threads by it
      if (byKey && byKey.reporter.email === from) reportId = byKey.id;
    }
  }
  if (!reportId) return null;
  const report = await tx.report.findUniqueOrThrow({
    where: { id: reportId },
    select: { id: true, key: true, reporter: { select: { email: true } } },
  });
  return { id: report.id, key: report.key, fromReporter: verified && report.reporter.email === from };
}

export function bodyOf(mail: ParsedMail): string {
  const text = (mail.text ?? "").replace(/\r\n/g, "\n").trim();
  return Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES
    ? `${text.slice(0, MAX_BODY_BYTES / 4)}\n\n[… truncated: the full text is in the raw message]`
    : text;
}

/** Strips the quoted history from a reply, keeping what is new. */
export function replyText(text: string): string {
  const lines = text.split("\n");
  const cut = lines.findIndex((l) => /^On .+wrote:$/.test(l.trim()) || /^-{2,}\s*Original Message/i.test(l.trim()));
  const kept = (cut > 0 ? lines.slice(0, cut) : lines).filter((l) => !l.startsWith(">"));
  return kept.join("\n").trim() || text.trim();
}
