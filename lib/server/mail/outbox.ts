import "server-only";

import { randomUUID } from "node:crypto";

import { appUrl, env } from "@/lib/env";
import type { Tx } from "@/lib/server/infra/db";
import { mailBodyData, newRowId } from "@/lib/server/infra/sealed";

// Outbound mail is written to the outbox inside the transaction of the change
// that caused it; a worker delivers it (or admins read it at Settings → Outbox).

export function messageIdDomain(): string {
  try {
    return new URL(appUrl()).hostname || "embargo.local";
  } catch {
    return "embargo.local";
  }
}

export function newMessageId(): string {
  return `<${randomUUID()}@${messageIdDomain()}>`;
}

/** security+SEC-2026-0042@example.org: replies to it thread onto the report. */
export function replyAddress(key: string): string | null {
  const address = env().INBOUND_ADDRESS;
  if (!address) return null;
  const at = address.lastIndexOf("@");
  return `${address.slice(0, at)}+${key}${address.slice(at)}`;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The simple HTML part of a message: the plain text, escaped, in paragraphs,
 * with bare links made clickable. No remote resources, no styles beyond inline basics.
 */
export function htmlPart(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) =>
      escapeHtml(p)
        .replace(/\bhttps?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
        .replace(/\n/g, "<br>"),
    )
    .map((p) => `<p style="margin:0 0 12px">${p}</p>`)
    .join("\n");
  return `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:14px;line-height:1.5;color:#18181b">${paragraphs}</body></html>`;
}

export async function enqueueMail(
  tx: Tx,
  mail: {
    reportId: string | null;
    template: string;
    to: string;
    subject: string;
    text: string;
    replyTo?: string | null;
    inReplyTo?: string | null;
    key?: string;
  },
): Promise<string> {
  const messageId = newMessageId();
  const replyTo = mail.replyTo ?? (mail.key ? replyAddress(mail.key) : null);
  const id = newRowId();
  await tx.outboundMail.create({
    data: {
      id,
      reportId: mail.reportId,
      template: mail.template,
      toAddr: mail.to,
      replyTo,
      subject: mail.subject,
      ...mailBodyData(id, mail.text, htmlPart(mail.text)),
      messageId,
      inReplyTo: mail.inReplyTo ?? null,
      references: mail.inReplyTo ? [mail.inReplyTo] : [],
    },
  });
  return messageId;
}

/** The template of password-reset mail, whose text (a one-time link) no admin should read in the outbox. */
export const PASSWORD_RESET_TEMPLATE = "password_reset";
export const REDACTED_RESET =
  "(A password-reset link. Its text is not shown in the outbox and is not kept after sending.)";

export const NEEDS_FULL_REPORT =
  "Your message did not include the report itself in its body (only a link or an attachment, or nothing). Our policy asks for the whole report in the e-mail body: please reply with the details — affected versions, steps to reproduce and impact.";

/** Plain-text templates for the reporter; a signature names the organisation, never a team member. */
export const templates = {
  received: (p: { key: string; title: string; link: string }) => ({
    subject: `[${p.key}] We received your report: ${p.title}`,
    text: `Thank you for your report "${p.title}".\n\nIts reference is ${p.key}. Follow its progress, answer our questions and set how you wish to be credited here:\n\n${p.link}\n\nKeep this link private. We acknowledge every report within 48 hours.\n\n— ${env().ORG_NAME} security team`,
  }),
  acknowledgment: (p: {
    key: string;
    title: string;
    link: string | null;
    body: string;
    needsFullReport?: boolean;
  }) => ({
    subject: `[${p.key}] Acknowledged: ${p.title}`,
    text: `${p.body}${p.needsFullReport ? `\n\n${NEEDS_FULL_REPORT}` : ""}${p.link ? `\n\nFollow its progress here (keep this link private):\n${p.link}` : ""}\n\n— ${env().ORG_NAME} security team`,
  }),
  message: (p: { key: string; title: string; body: string }) => ({
    subject: `[${p.key}] ${p.title}`,
    text: `${p.body}\n\n— ${env().ORG_NAME} security team\n(Reply to this e-mail or on your report's status page.)`,
  }),
};
