import type { Metadata } from "next";

import { ActionForm } from "@/components/ui/action-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { SettingsRow, SettingsTable } from "@/components/ui/settings-table";
import { RelativeTime } from "@/components/ui/time";
import { ROLE_LABELS } from "@/lib/permissions";
import { requireUser } from "@/lib/server/auth/page-auth";
import { listApiTokens } from "@/lib/server/users/api-tokens";
import { listUsers } from "@/lib/server/users/users";

import { revokeTokenAction } from "../actions";
import { CreateTokenForm } from "./create-token-form";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requireUser("/settings/tokens");
  const [tokens, users] = await Promise.all([listApiTokens(actor), listUsers(actor)]);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Bearer tokens for scripts. A token acts with its owner's role and stops working when revoked or when its owner is disabled."
      />
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_340px]">
        {tokens.length === 0 ? (
          <EmptyState title="No tokens yet">Create one for each script, so each can be revoked on its own.</EmptyState>
        ) : (
          <SettingsTable columns={["Token", "Owner", "Last used", { label: "Actions", hidden: true }]}>
            {tokens.map((t) => (
              <SettingsRow key={t.id} data-testid="token-row">
                <td className="px-4 py-2.5">
                  <span className="block font-medium">{t.name}</span>
                  <span className="block font-mono text-[12px] text-zinc-500">{t.prefix}…</span>
                </td>
                <td className="px-4 py-2.5">
                  {t.user.email} <span className="text-[12px] text-zinc-500">({ROLE_LABELS[t.user.role]})</span>
                </td>
                <td className="px-4 py-2.5 text-zinc-600 dark:text-zinc-400">
                  {t.lastUsedAt ? <RelativeTime at={t.lastUsedAt} now={now} /> : "Never"}
                </td>
                <td className="px-4 py-2.5 text-right">
                  {t.revokedAt ? (
                    <span className="text-[12px] text-zinc-500">
                      Revoked <RelativeTime at={t.revokedAt} now={now} />
                    </span>
                  ) : (
                    <ActionForm action={revokeTokenAction} fields={{ id: t.id }}>
                      Revoke
                    </ActionForm>
                  )}
                </td>
              </SettingsRow>
            ))}
          </SettingsTable>
        )}
        <Card className="p-4">
          <h2 className="font-semibold">Create a token</h2>
          <CreateTokenForm
            users={users
              .filter((u) => !u.disabled)
              .map((u) => ({ email: u.email, label: `${u.name} (${ROLE_LABELS[u.role]})` }))}
            defaultEmail={actor.user.email}
          />
        </Card>
      </div>
    </>
  );
}
