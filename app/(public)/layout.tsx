import { Logo } from "@/components/ui/logo";
import { SkipLink } from "@/components/ui/skip-link";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex h-12 max-w-3xl items-center px-4">
          <Logo />
          <span className="ml-2 text-[12px] text-zinc-500">Security reports</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 outline-none">
        {children}
      </main>
      <footer className="mx-auto w-full max-w-3xl px-4 py-6 text-[12px] text-zinc-500">
        Reports are private to the security team until a fix is released and announced.
      </footer>
    </div>
  );
}
