import { AppShell } from "@/components/shell/app-shell";
import { can } from "@/lib/server/auth/actor";
import { requireUser } from "@/lib/server/auth/page-auth";

export default async function TeamLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireUser();
  return (
    <AppShell
      user={{ name: actor.user.name, email: actor.user.email, role: actor.user.role }}
      isAdmin={can(actor, "settings.manage")}
    >
      {children}
    </AppShell>
  );
}
