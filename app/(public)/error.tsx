"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

// The report form and status page's error boundary: a reporter sees no server detail, only a reference.
export default function PublicError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorPanel
      error={error}
      retry={retry}
      hint="This page could not be shown just now. Try again in a moment; if it keeps happening, quote the reference below to the security team."
    />
  );
}
