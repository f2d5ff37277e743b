import { clsx } from "clsx";
import { Lock, Mail } from "lucide-react";

import { RelativeTime } from "@/components/ui/time";
import { STATUS_LABELS } from "@/lib/domain/workflow";
import type { Status } from "@/lib/domain/workflow";
import type { ReportDto } from "@/lib/server/reports.schema";

import { Markdown } from "./markdown";

type Entry = ReportDto["timeline"][number];

const KIND_TEXT: Record<string, string> = {
  received: "Report received",
  assigned: "Primary handler assigned",
  status_changed: "Status changed",
};

function describe(entry: Entry): string {
  const data = entry.data ?? {};
  if (entry.kind === "status_changed" && typeof data.to === "string") {
    const to = STATUS_LABELS[data.to as Status] ?? data.to;
    const from = typeof data.from === "string" ? (STATUS_LABELS[data.from as Status] ?? data.from) : null;
    return from ? `moved ${from} → ${to}` : `moved to ${to}`;
  }
  return KIND_TEXT[entry.kind] ?? entry.kind.replace(/_/g, " ");
}

function EventLine({ entry, now }: { entry: Entry; now: Date }) {
  return (
    <li className="flex items-center gap-2 py-1.5 pl-1 text-[12px] text-zinc-500 dark:text-zinc-400">
      <span aria-hidden="true" className="size-1.5 rounded-full bg-zinc-300 dark:bg-zinc-600" />
      <span>
        <span className="font-medium text-zinc-700 dark:text-zinc-300">{entry.actor}</span> · {describe(entry)}
      </span>
      <span className="ml-auto">
        <RelativeTime at={entry.at} now={now} />
      </span>
    </li>
  );
}

export function Timeline({ entries, reporterName, now }: { entries: Entry[]; reporterName: string; now: Date }) {
  if (!entries.length) return <p className="text-zinc-500">Nothing has happened yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Timeline">
      {entries.map((entry, i) => {
        if (!entry.body) return <EventLine key={i} entry={entry} now={now} />;
        const internal = entry.visibility === "internal";
        const fromReporter = !internal && entry.actor === reporterName;
        return (
          <li
            key={i}
            className={clsx(
              "rounded-lg border p-3",
              internal
                ? "border-amber-200 bg-amber-50/70 dark:border-amber-900/60 dark:bg-amber-950/30"
                : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900",
            )}
          >
            <div className="mb-2 flex flex-wrap items-center gap-2 text-[12px]">
              {internal ? (
                <span className="inline-flex items-center gap-1 font-semibold text-amber-800 dark:text-amber-300">
                  <Lock className="size-3.5" aria-hidden="true" /> Internal
                </span>
              ) : (
                <span className="inline-flex items-center gap-1 font-semibold text-accent-700 dark:text-accent-500">
                  <Mail className="size-3.5" aria-hidden="true" /> {fromReporter ? "From reporter" : "To reporter"}
                </span>
              )}
              <span className="font-medium text-zinc-700 dark:text-zinc-300">{entry.actor}</span>
              <span className="ml-auto text-zinc-500">
                <RelativeTime at={entry.at} now={now} />
              </span>
            </div>
            <Markdown>{entry.body}</Markdown>
          </li>
        );
      })}
    </ol>
  );
}
