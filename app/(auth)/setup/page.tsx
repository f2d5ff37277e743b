import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Card } from "@/components/ui/card";
import { setupDone } from "@/lib/server/auth/page-auth";
import { ensureSetupCode } from "@/lib/server/users/setup";

import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (await setupDone()) redirect("/signin");
  await ensureSetupCode();
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Set up Embargo</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        Create the first admin account. This page is offered once, while no account exists, and needs the setup code the
        server printed in its log.
      </p>
      <SetupForm />
    </Card>
  );
}
