import type { Metadata } from "next";

import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/time";
import { requireUser } from "@/lib/server/auth/page-auth";
import { getMailboxStatus } from "@/lib/server/mail/mailbox-state";
import { listUnparsedMail } from "@/lib/server/mail/unparsed";
import { listPublicProjects } from "@/lib/server/projects/projects";

import { MailboxPanel } from "./mailbox-panel";
import { MailToReportForm, RawAndReprocess } from "./unparsed-actions";

export const metadata: Metadata = { title: "Unparsed mail" };

export default async function UnparsedPage() {
  const actor = await requireUser("/settings/unparsed");
  const [rows, projects, mailbox] = await Promise.all([
    listUnparsedMail(actor),
    listPublicProjects(),
    getMailboxStatus(actor),
  ]);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Unparsed mail"
        description="Inbound messages that became no report: unreadable, or stuck after an error. The raw bytes are kept, so nothing is lost: download a message, run intake on it again, or make a report of it by hand."
      />
      <MailboxPanel status={mailbox} now={now} />
      {rows.length === 0 ? (
        <EmptyState title="No unparsed mail">Every message that arrived became a report or a reply.</EmptyState>
      ) : (
        <div className="space-y-2">
          {rows.map((r) => (
            <Card key={r.id} className="p-0" data-testid="unparsed-row">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-[13px]">
                  <span className="min-w-0 flex-1 truncate font-medium">{r.subject ?? "(no subject)"}</span>
                  <span className="text-zinc-600 dark:text-zinc-400">{r.fromAddr ?? "no sender"}</span>
                  <span className="tabular text-[12px] text-zinc-600 dark:text-zinc-400">
                    {(r.sizeBytes / 1024).toFixed(1)} KB
                  </span>
                  <span className="text-[12px] text-zinc-600 dark:text-zinc-400">
                    <RelativeTime at={r.receivedAt} now={now} />
                  </span>
                </summary>
                <div className="space-y-4 border-t border-zinc-100 px-4 py-3 dark:border-zinc-800">
                  <p className="text-[13px] text-red-700 dark:text-red-400">
                    {r.status === "RECEIVED"
                      ? `Stuck after an error, retrying (${r.attempts} attempts so far)`
                      : r.status === "FAILED"
                        ? `Failed ${r.attempts} times, no longer retried`
                        : "Why"}
                    : {r.error ?? "no reason was recorded"}
                  </p>
                  <RawAndReprocess mail={r} />
                  <div>
                    <h3 className="mb-2 text-[13px] font-semibold">Make a report of it</h3>
                    <MailToReportForm mail={r} projects={projects} />
                  </div>
                </div>
              </details>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
