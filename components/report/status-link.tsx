"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { ApiError, api } from "@/lib/api-client";

/** Re-issues the reporter's private link; the new one goes to the reporter by mail only. */
export function StatusLinkPanel({ reportKey }: { reportKey: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function reissue() {
    setPending(true);
    setError(null);
    try {
      const res = await api<{ sent: true; to: string }>(`/api/v1/reports/${reportKey}/status-link`, {
        method: "POST",
        json: {},
      });
      setSentTo(res.to);
      setConfirming(false);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The link was not re-issued.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-2 text-[13px]">
      <p className="text-zinc-600 dark:text-zinc-400">
        The reporter follows the report through a private link. Only its hash is stored, so nobody can see it again;
        re-issue it if it leaked or was lost: the new one goes to the reporter by mail, and nowhere else.
      </p>
      {sentTo ? (
        <p role="status" className="text-zinc-700 dark:text-zinc-300">
          A new link was mailed to {sentTo}; the old one no longer works.
        </p>
      ) : null}
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <span>The current link will stop working.</span>
          <Button size="sm" variant="danger" disabled={pending} onClick={() => void reissue()}>
            {pending ? "Re-issuing…" : "Re-issue and mail it"}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
          Re-issue status link
        </Button>
      )}
      {error ? <ErrorText>{error}</ErrorText> : null}
    </div>
  );
}
