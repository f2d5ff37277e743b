import type { Metadata } from "next";

import { Card, PageHeader } from "@/components/ui/card";
import { formatSpan } from "@/lib/format";
import { ROLE_LABELS } from "@/lib/permissions";
import { requireUser } from "@/lib/server/auth/page-auth";
import { sessionLimits } from "@/lib/server/auth/sessions";
import { getMe } from "@/lib/server/users/account";
import { listMySessions } from "@/lib/server/users/sessions";

import { PasswordForm, ProfileForm } from "./account-forms";
import { SessionsSection } from "./sessions-section";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireUser("/account");
  const me = await getMe(actor);
  const now = new Date();
  const sessions = await listMySessions(actor, now);
  const { idleMs, maxMs } = sessionLimits();
  return (
    <>
      <PageHeader
        title="Your account"
        description={`${me.email} · ${ROLE_LABELS[me.role]}. An admin changes your e-mail or role.`}
      />
      <div className="max-w-2xl space-y-5">
        <Card className="p-4">
          <h2 className="mb-3 font-semibold">Name and team mails</h2>
          <ProfileForm me={me} />
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 font-semibold">Password</h2>
          <PasswordForm />
        </Card>
        <Card className="p-4">
          <h2 className="mb-1 font-semibold">Your sessions</h2>
          <SessionsSection
            sessions={sessions}
            now={now}
            limits={{ idle: formatSpan(idleMs), max: formatSpan(maxMs) }}
          />
        </Card>
      </div>
    </>
  );
}
