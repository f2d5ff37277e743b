import { Download, FileText } from "lucide-react";

import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/time";
import { formatBytes } from "@/lib/domain/attachments";
import type { AttachmentView } from "@/lib/schemas/attachments";

// The files of a report, under its body: name, size, SHA-256 and when it came.
// A stored file downloads through the sandboxed route (never opened inline);
// a small UTF-8 text file (a patch, script or log) can also be read here, as
// escaped text in a <pre> — React escapes it, nothing in it is interpreted.

export function Attachments({ reportKey, items, now }: { reportKey: string; items: AttachmentView[]; now: Date }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading" className="mb-2 text-[13px] font-semibold uppercase tracking-wide text-zinc-500">
        Attachments ({items.length})
      </h2>
      <Card className="p-0">
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="attachments">
          {items.map((a) => (
            <li key={a.id} className="px-4 py-2.5 text-[13px]" data-testid="attachment">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <FileText aria-hidden="true" className="size-4 shrink-0 text-zinc-500" />
                {a.stored ? (
                  <a
                    href={`/api/v1/reports/${encodeURIComponent(reportKey)}/attachments/${a.id}`}
                    download={a.filename}
                    className="inline-flex min-h-[24px] min-w-0 items-center gap-1 break-all font-medium text-accent-600 hover:underline dark:text-accent-400"
                  >
                    <span className="sr-only">Download </span>
                    {a.filename}
                    <Download aria-hidden="true" className="size-3.5 shrink-0" />
                  </a>
                ) : (
                  <span className="min-w-0 break-all font-medium">{a.filename}</span>
                )}
                <span className="tabular text-[12px] text-zinc-600 dark:text-zinc-400">{formatBytes(a.size)}</span>
                <span className="text-[12px] text-zinc-600 dark:text-zinc-400">
                  <RelativeTime at={a.receivedAt} now={now} />
                </span>
              </div>
              <p className="mt-0.5 break-all pl-7 font-mono text-[11px] text-zinc-600 dark:text-zinc-400">
                SHA-256 {a.sha256}
              </p>
              {a.stored ? null : (
                <p className="mt-0.5 pl-7 text-[12px] text-zinc-700 dark:text-zinc-300">
                  Over the size limit when it arrived: only its name, size and hash were kept.
                </p>
              )}
              {a.preview !== null ? (
                <details className="mt-1.5 pl-7">
                  <summary className="inline-flex min-h-[24px] cursor-pointer items-center text-[12px] font-medium">
                    Show the text
                  </summary>
                  <pre
                    tabIndex={0}
                    data-testid="attachment-preview"
                    className="mt-1.5 max-h-96 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-[12px] leading-5 dark:border-zinc-800 dark:bg-zinc-900"
                  >
                    {a.preview}
                  </pre>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}
