import { ActionForm } from "@/components/ui/action-form";
import { RelativeTime } from "@/components/ui/time";
import type { SessionItem } from "@/lib/schemas/account";

import { endOtherSessionsAction, endSessionAction } from "./actions";

/** Your signed-in sessions: device, address, when it began and was last used; end one or every other. */
export function SessionsSection({
  sessions,
  now,
  limits,
}: {
  sessions: SessionItem[];
  now: Date;
  limits: { idle: string; max: string };
}) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Your sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5" data-testid="session-row">
            <div className="min-w-0 text-[13px]">
              <span className="block font-medium">
                {s.device}
                {s.current ? (
                  <span className="ml-2 rounded bg-accent-50 px-1.5 text-[11px] font-medium text-accent-700 dark:bg-accent-700/20 dark:text-accent-100">
                    This session
                  </span>
                ) : null}
              </span>
              <span className="block text-[12px] text-zinc-600 dark:text-zinc-400">
                {s.address ?? "Unknown address"} · signed in <RelativeTime at={s.createdAt} now={now} /> · last seen{" "}
                <RelativeTime at={s.lastSeenAt} now={now} />
              </span>
            </div>
            {s.current ? null : (
              <ActionForm action={endSessionAction} fields={{ id: s.id }}>
                End session
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-3 flex items-center justify-between gap-2 text-[12px] text-zinc-600 dark:text-zinc-400">
        <span>
          A session ends after {limits.idle} unused, or {limits.max} after sign-in. Ending one signs that browser out at
          once.
        </span>
        {others > 0 ? (
          <ActionForm action={endOtherSessionsAction} fields={{}} variant="secondary">
            End all other sessions
          </ActionForm>
        ) : null}
      </div>
    </>
  );
}
