import { clsx } from "clsx";
import type { Metadata } from "next";
import Link from "next/link";

import { ActionForm } from "@/components/ui/action-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/time";
import { env } from "@/lib/env";
import { requireUser } from "@/lib/server/auth/page-auth";
import { listOutbox } from "@/lib/server/mail/inbound";

import { cancelOutboxAction, retryOutboxAction } from "../actions";

export const metadata: Metadata = { title: "Outbox" };

const STATUS_STYLE: Record<string, string> = {
  PENDING: "text-amber-700 dark:text-amber-300",
  SENDING: "text-sky-700 dark:text-sky-300",
  SENT: "text-emerald-700 dark:text-emerald-400",
  FAILED: "text-red-700 dark:text-red-400",
  CANCELLED: "text-zinc-500 dark:text-zinc-400",
};

/** What an admin may do with a mail in this state. */
const ROW_ACTIONS: Record<string, { action: (form: FormData) => Promise<void>; label: string } | undefined> = {
  FAILED: { action: retryOutboxAction, label: "Retry" },
  PENDING: { action: cancelOutboxAction, label: "Cancel" },
};

export default async function OutboxPage() {
  const actor = await requireUser("/settings/outbox");
  const mails = await listOutbox(actor);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Outbox"
        description={
          env().SMTP_URL
            ? "Every message Embargo sends, newest first. Failed deliveries are retried with backoff."
            : "SMTP_URL is not set, so nothing is sent: messages wait here. Read them, or configure SMTP and they are delivered."
        }
      />
      {mails.length === 0 ? (
        <EmptyState title="The outbox is empty">Messages to reporters and handlers appear here.</EmptyState>
      ) : (
        <div className="space-y-2">
          {mails.map((m) => (
            <Card key={m.id} className="flex items-start p-0" data-testid="outbox-row">
              <details className="min-w-0 flex-1">
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-[13px]">
                  <span className={clsx("w-16 text-[12px] font-semibold", STATUS_STYLE[m.status])}>
                    {m.status.toLowerCase()}
                  </span>
                  <span className="min-w-0 flex-1 truncate font-medium">{m.subject}</span>
                  <span className="text-zinc-500">{m.toAddr}</span>
                  {m.report ? <span className="font-mono text-[12px] text-zinc-500">{m.report.key}</span> : null}
                  <span className="text-[12px] text-zinc-500">
                    <RelativeTime at={m.createdAt} now={now} />
                  </span>
                </summary>
                <div className="border-t border-zinc-100 px-4 py-3 dark:border-zinc-800">
                  {/* the link sits here, not in the summary: a summary holds no other control */}
                  {m.report ? (
                    <p className="mb-2 text-[12px]">
                      <Link
                        href={`/reports/${m.report.key}`}
                        className="font-mono text-accent-700 underline dark:text-accent-400"
                      >
                        Open {m.report.key}
                      </Link>
                    </p>
                  ) : null}
                  {m.lastError ? (
                    <p className="mb-2 text-[12px] text-red-700 dark:text-red-400">
                      Last error (attempt {m.attempts}): {m.lastError}
                    </p>
                  ) : null}
                  <pre className="whitespace-pre-wrap break-words font-sans text-[13px] text-zinc-700 dark:text-zinc-300">
                    {m.text}
                  </pre>
                </div>
              </details>
              {ROW_ACTIONS[m.status] ? (
                <ActionForm action={ROW_ACTIONS[m.status]!.action} fields={{ id: m.id }} className="px-3 py-1.5">
                  {ROW_ACTIONS[m.status]!.label}
                  <span className="sr-only"> “{m.subject}”</span>
                </ActionForm>
              ) : null}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
