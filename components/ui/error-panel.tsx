"use client";

import { Button } from "@/components/ui/button";

/** The digest Next.js gives a server error: the key to its entry in the server log. Never the error's text. */
function referenceOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  return typeof error.digest === "string" && error.digest ? error.digest : null;
}

/** What a route group's error boundary shows: a calm message, a retry, and a reference to quote. */
export function ErrorPanel({ error, retry, hint }: { error: unknown; retry: () => void; hint: string }) {
  const reference = referenceOf(error);
  return (
    <div className="mx-auto max-w-md py-16 text-center" role="alert">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">{hint}</p>
      <Button variant="secondary" className="mt-4" onClick={() => retry()}>
        Try again
      </Button>
      {reference ? (
        <p className="mt-4 text-[12px] text-zinc-500">
          Reference <span className="font-mono">{reference}</span>
        </p>
      ) : null}
    </div>
  );
}
