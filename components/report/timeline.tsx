import { clsx } from "clsx";
import { Lock, Mail, Paperclip } from "lucide-react";

import { Markdown } from "@/components/ui/markdown";
import { RelativeTime } from "@/components/ui/time";
import type { GuessSource } from "@/lib/domain/project-guess";
import { GUESS_SOURCE_TEXT } from "@/lib/domain/project-guess";
import { moveText } from "@/lib/domain/report-move";
import { STATUS_LABELS } from "@/lib/domain/workflow";
import type { Status } from "@/lib/domain/workflow";
import type { ReportDto } from "@/lib/schemas/reports";

type Entry = ReportDto["timeline"][number];

const KIND_TEXT: Record<string, string> = {
  received: "Report received",
  made_from_mail: "made this report from a mail intake could not read",
};

const CLOCK_TEXT: Record<string, string> = {
  acknowledge: "acknowledgment",
  response: "detailed response",
  update: "keep-informed update",
  fix: "fix",
};

function describe(entry: Entry): string {
  const d = (entry.data ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  switch (entry.kind) {
    case "status_changed": {
      const to = STATUS_LABELS[d.to as Status] ?? String(d.to);
      const from = str(d.from) ? (STATUS_LABELS[d.from as Status] ?? String(d.from)) : null;
      const why = str(d.resolutionText) ? ` (${d.resolutionText as string})` : "";
      return `${d.backwards ? "moved back" : "moved"} ${from ? `${from} → ` : "to "}${to}${why}`;
    }
    case "assigned":
      return str(d.to) ? `made ${d.to as string} the primary handler` : "removed the primary handler";
    case "backup_assigned":
      return str(d.to) ? `made ${d.to as string} the backup` : "removed the backup";
    case "severity_changed":
      return str(d.to) ? `set severity to ${(d.to as string).toLowerCase()}` : "cleared the severity";
    case "cvss_changed":
      return str(d.vector)
        ? `set CVSS ${d.vector as string}${typeof d.score === "number" ? ` (${d.score.toFixed(1)})` : ""}`
        : "cleared the CVSS vector";
    case "labels_changed":
      return Array.isArray(d.to) && d.to.length ? `set labels ${d.to.join(", ")}` : "cleared the labels";
    case "cwe_changed":
      return Array.isArray(d.to) && d.to.length ? `set CWE ${d.to.join(", ")}` : "cleared the CWE ids";
    case "title_changed":
      return `renamed the report`;
    case "identifier_changed":
      return d.field === "advisoryUrl"
        ? "set the advisory link"
        : `set ${d.field === "cveId" ? "CVE" : "GHSA"} id ${str(d.to) ?? "(none)"}`;
    case "waiting_started":
      return "is waiting on the reporter (keep-informed and fix clocks paused)";
    case "waiting_ended":
      return d.reason ? "stopped waiting: the reporter replied" : "stopped waiting on the reporter";
    case "project_changed": {
      const ranges = Array.isArray(d.removedRanges) ? d.removedRanges.length : 0;
      const overrides = Array.isArray(d.removedOverrides) ? d.removedOverrides.length : 0;
      const removed = [
        ranges ? `the affected ranges for ${str(d.fromName) ?? str(d.from) ?? "the old package"}` : null,
        overrides ? `${overrides} line ${overrides === 1 ? "override" : "overrides"}` : null,
      ].filter(Boolean);
      return `${moveText(d)}${removed.length ? ` (removed ${removed.join(" and ")})` : ""}`;
    }
    case "project_guessed":
      return `put it in ${str(d.name) ?? str(d.project) ?? "a project"} (guessed from ${GUESS_SOURCE_TEXT[d.from as GuessSource] ?? "the report"})`;
    case "duplicate_marked":
      return str(d.to) ? `marked it as a duplicate of ${d.to as string}` : "cleared the duplicate link";
    case "duplicate_added":
      return `marked ${str(d.key) ?? "a report"} as a duplicate of this one`;
    case "sla_alert":
      return `${d.threshold === "breached" ? "alert: late" : "alert: at risk"} — ${CLOCK_TEXT[str(d.clock) ?? ""] ?? "clock"}`;
    default:
      return KIND_TEXT[entry.kind] ?? entry.kind.replace(/_/g, " ");
  }
}

/** The files that came with an entry: `{id, filename}` (older mailed entries name them only). */
function filesOf(entry: Entry): { id: string | null; filename: string }[] {
  const list = (entry.data as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(list)) return [];
  return list.flatMap((a: unknown) => {
    if (typeof a === "string") return [{ id: null, filename: a }];
    const f = a as { id?: unknown; filename?: unknown };
    return typeof f?.filename === "string"
      ? [{ id: typeof f.id === "string" ? f.id : null, filename: f.filename }]
      : [];
  });
}

/** The files of a message, each a download (never opened inline: the route answers as an attachment). */
function Files({ entry, reportKey }: { entry: Entry; reportKey: string }) {
  const files = filesOf(entry);
  if (!files.length) return null;
  return (
    <ul
      className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1 text-[12px]"
      aria-label="Files sent with it"
      data-testid="timeline-files"
    >
      {files.map((f, i) => (
        <li key={f.id ?? i} className="inline-flex items-center gap-1">
          <Paperclip aria-hidden="true" className="size-3.5 text-zinc-500" />
          {f.id ? (
            <a
              href={`/api/v1/reports/${encodeURIComponent(reportKey)}/attachments/${f.id}`}
              download={f.filename}
              className="break-all font-medium text-accent-700 hover:underline dark:text-accent-400"
            >
              {f.filename}
            </a>
          ) : (
            <span className="break-all">{f.filename}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function EventLine({ entry, now, reportKey }: { entry: Entry; now: Date; reportKey: string }) {
  return (
    <li className="py-1.5 pl-1 text-[12px] text-zinc-500 dark:text-zinc-400">
      <div className="flex items-center gap-2">
        <span aria-hidden="true" className="size-1.5 rounded-full bg-zinc-300 dark:bg-zinc-600" />
        <span>
          <span className="font-medium text-zinc-700 dark:text-zinc-300">{entry.actor}</span> · {describe(entry)}
        </span>
        <span className="ml-auto">
          <RelativeTime at={entry.at} now={now} />
        </span>
      </div>
      <div className="pl-3.5">
        <Files entry={entry} reportKey={reportKey} />
      </div>
    </li>
  );
}

export function Timeline({
  entries,
  now,
  reportKey,
}: {
  entries: Entry[];
  now: Date;
  /** for the download links of the files an entry brought */
  reportKey: string;
}) {
  if (!entries.length) return <p className="text-zinc-500">Nothing has happened yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Timeline">
      {entries.map((entry, i) => {
        if (!entry.body) return <EventLine key={i} entry={entry} now={now} reportKey={reportKey} />;
        const internal = entry.visibility === "internal";
        // by who acted, never by name: a mailed reply may carry any display name, a handler's too
        const fromReporter = entry.actorType === "reporter";
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
                <span className="inline-flex items-center gap-1 font-semibold text-accent-700 dark:text-accent-400">
                  <Mail className="size-3.5" aria-hidden="true" /> {fromReporter ? "From reporter" : "To reporter"}
                </span>
              )}
              <span className="font-medium text-zinc-700 dark:text-zinc-300">{entry.actor}</span>
              <span className="ml-auto text-zinc-500">
                <RelativeTime at={entry.at} now={now} />
              </span>
            </div>
            <Markdown>{entry.body}</Markdown>
            <Files entry={entry} reportKey={reportKey} />
          </li>
        );
      })}
    </ol>
  );
}
