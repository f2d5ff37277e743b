import Link from "next/link";

import { Logo } from "@/components/ui/logo";
import { SkipLink } from "@/components/ui/skip-link";
import { initials } from "@/lib/format";
import type { Role } from "@/lib/permissions";
import { ROLE_LABELS } from "@/lib/permissions";

import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function AppShell({
  user,
  isAdmin,
  children,
}: {
  user: { name: string; email: string; role: Role };
  isAdmin: boolean;
  children: React.ReactNode;
}) {
  const links = [
    { href: "/board", label: "Board" },
    { href: "/matrix", label: "Matrix" },
    ...(isAdmin ? [{ href: "/settings/users", label: "Settings", match: "/settings" }] : []),
  ];
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/90">
        <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-3 px-4 sm:gap-6">
          <Link href="/board" className="rounded">
            <Logo compact />
          </Link>
          <NavLinks links={links} />
          <div className="ml-auto flex items-center gap-3">
            <Link href="/account" className="flex items-center gap-3 rounded" data-testid="account-link">
              <span className="sr-only">Your account: </span>
              <span className="hidden text-right leading-tight sm:block">
                <span className="block text-[13px] font-medium">{user.name}</span>
                <span className="block text-[11px] text-zinc-500">{ROLE_LABELS[user.role]}</span>
              </span>
              <span
                aria-hidden="true"
                className="grid size-7 place-items-center rounded-full bg-accent-100 text-[11px] font-semibold text-accent-700 dark:bg-accent-700 dark:text-white"
              >
                {initials(user.name)}
              </span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1600px] flex-1 px-4 py-6 outline-none">
        {children}
      </main>
    </div>
  );
}
