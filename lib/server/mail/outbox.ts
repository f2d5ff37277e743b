import "server-only";

import { randomUUID } from "node:crypto";

import { appUrl, env } from "@/lib/env";

import type { Tx } from "../db";

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

export async function enqueueMail(
  tx: Tx,
  mail: { reportId: string | null; template: string; to: string; subject: string; text: string; replyTo?: string | null; inReplyTo?: string | null },
): Promise<string> {
  const messageId = newMessageId();
  await tx.outboundMail.create({
    data: {
      reportId: mail.reportId,
      template: mail.template,
      toAddr: mail.to,
      replyTo: mail.replyTo ?? null,
      subject: mail.subject,
      text: mail.text,
      messageId,
      inReplyTo: mail.inReplyTo ?? null,
    },
  });
  return messageId;
}

/** Plain-text templates for the reporter; a signature names the organisation, never a team member. */
export const templates = {
  received: (p: { key: string; title: string; link: string }) => ({
    subject: `[${p.key}] We received your report: ${p.title}`,
    text: `Thank you for your report "${p.title}".\n\nIts reference is ${p.key}. Follow its progress, answer our questions and set how you wish to be credited here:\n\n${p.link}\n\nKeep this link private. We acknowledge every report within 48 hours.\n\n— ${env().ORG_NAME} security team`,
  }),
  acknowledgment: (p: { key: string; title: string; link: string | null; body: string }) => ({
    subject: `[${p.key}] Acknowledged: ${p.title}`,
    text: `${p.body}${p.link ? `\n\nFollow its progress here (keep this link private):\n${p.link}` : ""}\n\n— ${env().ORG_NAME} security team`,
  }),
  message: (p: { key: string; title: string; body: string }) => ({
    subject: `[${p.key}] ${p.title}`,
    text: `${p.body}\n\n— ${env().ORG_NAME} security team\n(Reply to this e-mail or on your report's status page.)`,
  }),
  replyNotice: (p: { key: string; title: string; url: string }) => ({
    subject: `[${p.key}] The reporter replied: ${p.title}`,
    text: `The reporter of ${p.key} replied. Read it on the report page:\n\n${p.url}`,
  }),
};
