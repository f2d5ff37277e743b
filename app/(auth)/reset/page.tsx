import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { Card } from "@/components/ui/card";
import { setupDone } from "@/lib/server/auth/page-auth";

import { ResetRequestForm } from "./reset-forms";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ResetRequestPage() {
  if (!(await setupDone())) redirect("/setup");
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Reset your password</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        Enter the e-mail you sign in with. We mail you a link to set a new password.
      </p>
      <ResetRequestForm />
      <p className="mt-4 text-[13px]">
        <Link href="/signin" className="text-accent-600 underline dark:text-accent-400">
          Back to sign in
        </Link>
      </p>
    </Card>
  );
}
