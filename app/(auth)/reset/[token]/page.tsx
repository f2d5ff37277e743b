import type { Metadata } from "next";

import { Card } from "@/components/ui/card";

import { ResetConfirmForm } from "../reset-forms";

// The link a reset mail holds. The token is checked when the form is sent
// (POST confirm), so opening the page tells nothing and uses nothing.
export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer", robots: { index: false } };

export default async function ResetConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Set a new password</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">Choose the password you will sign in with from now on.</p>
      <ResetConfirmForm token={token} />
    </Card>
  );
}
