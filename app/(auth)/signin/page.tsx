import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { Card } from "@/components/ui/card";
import { safeCallback } from "@/lib/safe-redirect";
import { setupDone } from "@/lib/server/auth/page-auth";
import { sessionActor } from "@/lib/server/auth/session";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

/** What the page says after setup, a password reset (?reset=done) or a password change (?password=changed). */
const NOTICES: Record<string, string> = {
  setup: "Your admin account is ready. Sign in with it.",
  done: "Your new password is set, and every session you had has ended. Sign in with it.",
  changed: "Your password is changed, and every session you had has ended. Sign in with the new one.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  if (!(await setupDone())) redirect("/setup");
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await sessionActor()) redirect(callbackUrl);
  const notice = NOTICES[params.setup === "done" ? "setup" : (params.reset ?? params.password ?? "")] ?? null;
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Sign in</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        For the security team. Reporters follow the link in their e-mail instead.
      </p>
      {notice ? (
        <p
          className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-[13px] text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
          role="status"
        >
          {notice}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="mt-4 text-[13px]">
        <Link href="/reset" className="text-accent-600 underline dark:text-accent-400">
          Forgot your password?
        </Link>
      </p>
    </Card>
  );
}
