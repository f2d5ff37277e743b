"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { TextField } from "@/components/ui/field";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    // "TooManyAttempts:<seconds>" matches SIGNIN_RATE_LIMITED in lib/server/auth/session.ts
    const wait = /^TooManyAttempts:(\d+)$/.exec(result?.error ?? "");
    setError(wait ? tooManyAttempts(Number(wait[1])) : "The e-mail or password is not right.");
  }

  return (
    <form onSubmit={onSubmit} className="mt-5 space-y-4" noValidate>
      <TextField id="email" label="E-mail" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField
        id="password"
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      {error ? <ErrorText>{error}</ErrorText> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

/** What the form says while this e-mail must wait on this network (other addresses are not affected). */
function tooManyAttempts(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  return `Too many failed attempts for this e-mail from your network. Wait ${wait} and try again.`;
}
