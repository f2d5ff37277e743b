import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Card } from "@/components/ui/card";
import { safeCallback } from "@/lib/safe-redirect";
import { setupDone } from "@/lib/server/auth/page-auth";
import { sessionActor } from "@/lib/server/auth/session";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  if (!(await setupDone())) redirect("/setup");
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await sessionActor()) redirect(callbackUrl);
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Sign in</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        For the security team. Reporters follow the link in their e-mail instead.
      </p>
      {params.setup === "done" ? (
        <p
          className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-[13px] text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
          role="status"
        >
          Your admin account is ready. Sign in with it.
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </Card>
  );
}
