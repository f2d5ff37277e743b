import type { Metadata } from "next";

import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/server/auth/page-auth";
import { listCannedForAdmin } from "@/lib/server/canned/canned";

import { CannedForm } from "./canned-form";

export const metadata: Metadata = { title: "Canned responses" };

export default async function CannedPage() {
  const actor = await requireUser("/settings/canned");
  const rows = await listCannedForAdmin(actor);
  return (
    <>
      <PageHeader
        title="Canned responses"
        description="Texts handlers insert from the composer. Markdown is supported; a reporter-visible response switches the composer to “Send to reporter”."
      />
      <div className="space-y-4">
        {rows.length === 0 ? <EmptyState title="No canned responses">Add the first one below.</EmptyState> : null}
        {rows.map((r) => (
          <Card key={r.id} className="p-4" data-testid="canned-row">
            <CannedForm value={{ id: r.id, name: r.name, body: r.body, visibility: r.visibility }} />
          </Card>
        ))}
        <Card className="p-4">
          <h2 className="mb-2 font-semibold">Add a canned response</h2>
          <CannedForm value={null} />
        </Card>
      </div>
    </>
  );
}
