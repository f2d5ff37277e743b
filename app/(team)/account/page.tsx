import type { Metadata } from "next";

import { Card, PageHeader } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/permissions";
import { requireUser } from "@/lib/server/auth/page-auth";
import { getMe } from "@/lib/server/users/account";

import { PasswordForm, ProfileForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireUser("/account");
  const me = await getMe(actor);
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
      </div>
    </>
  );
}
