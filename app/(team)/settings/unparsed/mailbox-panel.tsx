import { clsx } from "clsx";

import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/time";
import type { MailboxStatus } from "@/lib/server/mail/mailbox-state";

/** The IMAP intake's mailbox: whether it is read, how new mail is noticed, what came in and what went wrong. */
export function MailboxPanel({ status, now }: { status: MailboxStatus; now: Date }) {
  if (!status.configured) {
    return (
      <Card className="mb-5 px-4 py-3 text-[13px]" data-testid="mailbox-panel">
        <h2 className="font-semibold">Mailbox</h2>
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">
          No mailbox is read: set <code className="font-mono">IMAP_URL</code> (for example{" "}
          <code className="font-mono break-all">imaps://security%40example.org:password@mail.example.org/INBOX</code>)
          to take reports from your security@ inbox. Mail may also be handed over by a pipe or a provider&apos;s webhook
          (see docs/email.md).
        </p>
      </Card>
    );
  }
  const state = status.connected
    ? { word: "Connected", style: "text-emerald-700 dark:text-emerald-400" }
    : status.reading
      ? { word: "Reconnecting", style: "text-amber-700 dark:text-amber-300" }
      : { word: "Not connected", style: "text-red-700 dark:text-red-400" };
  return (
    <Card className="mb-5 px-4 py-3 text-[13px]" data-testid="mailbox-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">
          Mailbox <span className="font-mono font-normal">{status.mailbox}</span>
        </h2>
        <span className={clsx("font-semibold", state.style)}>{state.word}</span>
      </div>
      <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
        <dt className="text-zinc-600 dark:text-zinc-400">New mail</dt>
        <dd>
          {status.connected && status.idle
            ? "read as it arrives (the server offers IDLE)"
            : `checked every ${status.pollSeconds} s`}
          ; taken in mail is moved to <span className="font-mono">{status.doneMailbox}</span>
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Last read</dt>
        <dd>{status.lastReadAt ? <RelativeTime at={status.lastReadAt} now={now} /> : "never"}</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Taken in</dt>
        <dd className="tabular">
          {status.taken} {status.taken === 1 ? "message" : "messages"}
          {status.waiting > 0 ? `; ${status.waiting} still in the inbox (failed, retried with backoff)` : ""}
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Read by</dt>
        <dd>{status.reading && status.holder ? status.holder : "no instance right now"}</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Last error</dt>
        <dd className={clsx(status.lastError && "text-red-700 dark:text-red-400")}>
          {status.lastError ? (
            <>
              {status.lastError}
              {status.lastErrorAt ? (
                <>
                  {" "}
                  (<RelativeTime at={status.lastErrorAt} now={now} />)
                </>
              ) : null}
              {status.failures > 0 ? `; ${status.failures} failed attempts in all` : ""}
            </>
          ) : (
            "none"
          )}
        </dd>
      </dl>
    </Card>
  );
}
