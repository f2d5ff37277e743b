import type { Metadata } from "next";

import { Card, EmptyState, PageHeader } from "@/components/ui/card";
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
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-[13px]">
            <thead className="border-b border-zinc-200 text-[12px] text-zinc-500 dark:border-zinc-800">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Received
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  From
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Subject
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Why
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Size
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="px-4 py-2">
                    <RelativeTime at={r.receivedAt} now={now} />
                  </td>
                  <td className="px-4 py-2">{r.fromAddr ?? "—"}</td>
                  <td className="px-4 py-2">{r.subject ?? "—"}</td>
                  <td className="px-4 py-2 text-zinc-600 dark:text-zinc-400">{r.error}</td>
                  <td className="tabular px-4 py-2 text-right">{(r.sizeBytes / 1024).toFixed(1)} KB</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
