import type { Metadata } from "next";

import { EmptyState, PageHeader } from "@/components/ui/card";
import { SettingsRow, SettingsTable } from "@/components/ui/settings-table";
import { RelativeTime } from "@/components/ui/time";
import { requireUser } from "@/lib/server/auth/page-auth";
import { listUnparsedMail } from "@/lib/server/mail/inbound";

export const metadata: Metadata = { title: "Unparsed mail" };

export default async function UnparsedPage() {
  const actor = await requireUser("/settings/unparsed");
  const rows = await listUnparsedMail(actor);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Unparsed mail"
        description="Inbound messages that could not be read as a report or a reply. Their raw bytes are kept in the database (InboundMessage), so nothing is lost."
      />
      {rows.length === 0 ? (
        <EmptyState title="No unparsed mail">Every message that arrived became a report or a reply.</EmptyState>
      ) : (
        <SettingsTable columns={["Received", "From", "Subject", "Why", { label: "Size", right: true }]}>
          {rows.map((r) => (
            <SettingsRow key={r.id}>
              <td className="px-4 py-2">
                <RelativeTime at={r.receivedAt} now={now} />
              </td>
              <td className="px-4 py-2">{r.fromAddr ?? "—"}</td>
              <td className="px-4 py-2">{r.subject ?? "—"}</td>
              <td className="px-4 py-2 text-zinc-600 dark:text-zinc-400">{r.error}</td>
              <td className="tabular px-4 py-2 text-right">{(r.sizeBytes / 1024).toFixed(1)} KB</td>
            </SettingsRow>
          ))}
        </SettingsTable>
      )}
    </>
  );
}
