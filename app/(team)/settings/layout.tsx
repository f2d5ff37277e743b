import { NavLinks } from "@/components/shell/nav-links";
import { Forbidden } from "@/components/ui/forbidden";
import { pageActor } from "@/lib/server/auth/page-auth";

/** The settings pages, by their path under /settings, in menu order. */
const SECTIONS = {
  users: "Users",
  tokens: "API tokens",
  projects: "Projects",
  policy: "SLA policy",
  canned: "Canned responses",
  outbox: "Outbox",
  unparsed: "Unparsed mail",
  backup: "Backups",
};

// Settings are for admins; every page and action below checks again itself.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const { allowed } = await pageActor("settings.manage", "/settings");
  if (!allowed) return <Forbidden what="settings" />;
  return (
    <div className="grid gap-6 md:grid-cols-[180px_minmax(0,1fr)]">
      <aside>
        <h1 className="mb-2 px-2.5 text-[12px] font-semibold uppercase tracking-wide text-zinc-500">Settings</h1>
        <div className="[&_nav]:flex-col [&_nav]:items-stretch">
          <NavLinks links={Object.entries(SECTIONS).map(([path, label]) => ({ href: `/settings/${path}`, label }))} />
        </div>
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
