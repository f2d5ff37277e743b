"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

// The team pages' error boundary: the error's text stays in the server log, found again by the reference.
export default function TeamError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorPanel
      error={error}
      retry={retry}
      hint="This page could not be shown just now. Try again; if it keeps happening, send the reference below to whoever runs Embargo."
    />
  );
}
