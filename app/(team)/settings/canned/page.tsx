import type { Metadata } from "next";

import { Card, PageHeader } from "@/components/ui/card";
import { CardList } from "@/components/ui/card-list";
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
      <CardList
        empty={rows.length ? null : { title: "No canned responses", hint: "Add the first one below." }}
        addTitle="Add a canned response"
        add={<CannedForm value={null} />}
      >
        {rows.map((r) => (
          <Card key={r.id} className="p-4" data-testid="canned-row">
            <CannedForm value={{ id: r.id, name: r.name, body: r.body, visibility: r.visibility }} />
          </Card>
        ))}
      </CardList>
    </>
  );
}
