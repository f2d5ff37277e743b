import type { Metadata } from "next";

import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { SettingsRow, SettingsTable } from "@/components/ui/settings-table";
import { RelativeTime } from "@/components/ui/time";
import { ROLES, ROLE_LABELS } from "@/lib/permissions";
import { requireUser } from "@/lib/server/auth/page-auth";
import { liveSessionCounts } from "@/lib/server/users/sessions";
import { listUsers } from "@/lib/server/users/users";

import { endUserSessionsAction, updateUserAction } from "../actions";
import { CreateUserForm } from "./create-user-form";
import { SendResetButton } from "./send-reset-button";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireUser("/settings/users");
  const users = await listUsers(actor);
  const now = new Date();
  const sessions = await liveSessionCounts(actor, now);
  return (
    <>
      <PageHeader title="Users" description="Who can sign in, and with which role." />
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_340px]">
        <SettingsTable columns={["Person", "Role", "Last sign-in", "Sessions", { label: "Actions", hidden: true }]}>
          {users.map((u) => (
            <SettingsRow key={u.id} data-testid="user-row">
              <td className="px-4 py-2.5">
                <span className="block font-medium">
                  {u.name}
                  {u.disabled ? (
                    <span className="ml-2 rounded bg-zinc-200 px-1.5 text-[11px] font-medium text-zinc-600 dark:bg-zinc-700 dark:text-zinc-300">
                      Disabled
                    </span>
                  ) : null}
                </span>
                <span className="block text-[12px] text-zinc-500">{u.email}</span>
              </td>
              <td className="px-4 py-2.5">
                <form action={updateUserAction} className="flex items-center gap-1.5">
                  <input type="hidden" name="id" value={u.id} />
                  <label className="sr-only" htmlFor={`role-${u.id}`}>
                    Role of {u.email}
                  </label>
                  <select
                    id={`role-${u.id}`}
                    name="role"
                    defaultValue={u.role}
                    className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-[13px] dark:border-zinc-700 dark:bg-zinc-900"
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className={buttonClass("ghost", "sm")}>
                    Save
                  </button>
                </form>
              </td>
              <td className="px-4 py-2.5 text-zinc-600 dark:text-zinc-400">
                {u.lastSignInAt ? <RelativeTime at={u.lastSignInAt} now={now} /> : "Never"}
              </td>
              <td className="px-4 py-2.5">
                <div className="flex items-center gap-1.5">
                  <span className="tabular text-zinc-600 dark:text-zinc-400">{sessions.get(u.id) ?? 0}</span>
                  {sessions.get(u.id) && u.id !== actor.user.id ? (
                    <ActionForm action={endUserSessionsAction} fields={{ id: u.id }}>
                      End sessions<span className="sr-only"> of {u.email}</span>
                    </ActionForm>
                  ) : null}
                </div>
              </td>
              <td className="px-4 py-2.5 text-right">
                {u.id !== actor.user.id ? (
                  <div className="flex items-start justify-end gap-1">
                    {u.disabled ? null : <SendResetButton id={u.id} email={u.email} />}
                    <ActionForm
                      action={updateUserAction}
                      fields={{ id: u.id, disabled: u.disabled ? "false" : "true" }}
                      variant={u.disabled ? "secondary" : "ghost"}
                    >
                      {u.disabled ? "Enable" : "Disable"}
                    </ActionForm>
                  </div>
                ) : (
                  <span className="text-[12px] text-zinc-400">You</span>
                )}
              </td>
            </SettingsRow>
          ))}
        </SettingsTable>
        <Card className="p-4">
          <h2 className="font-semibold">Add a user</h2>
          <CreateUserForm />
        </Card>
      </div>
    </>
  );
}
