"use client";

import { clsx } from "clsx";
import { CheckCircle2, Circle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { ApiError, api } from "@/lib/api-client";
import type { ChecklistItem, ManualChecklistItem } from "@/lib/domain/checklist";

/** The policy's steps for a report, with what is done; two are ticked by hand. */
export function PolicyChecklist({
  reportKey,
  version,
  items,
  checklist,
  canWrite,
}: {
  reportKey: string;
  version: number;
  items: ChecklistItem[];
  checklist: string[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function toggle(item: ManualChecklistItem, on: boolean) {
    setError(null);
    const next = on ? [...new Set([...checklist, item])] : checklist.filter((c) => c !== item);
    try {
      await api(`/api/v1/reports/${reportKey}`, { method: "PATCH", json: { version, checklist: next } });
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Not saved.");
    }
  }

  return (
    <div>
      <ol className="space-y-1.5 text-[13px]" aria-label="Policy checklist">
        {items.map((item) => (
          <li key={item.id} className="flex items-center gap-2" data-done={item.done}>
            {item.manual && canWrite ? (
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={item.done}
                  onChange={(e) => void toggle(item.manual!, e.target.checked)}
                  className="accent-accent-600"
                />
                <span className={clsx(item.done && "text-zinc-500 line-through decoration-zinc-300")}>
                  {item.label}
                </span>
              </label>
            ) : (
              <>
                {item.done ? (
                  <CheckCircle2 className="size-4 text-emerald-600" aria-hidden="true" />
                ) : (
                  <Circle className="size-4 text-zinc-300 dark:text-zinc-600" aria-hidden="true" />
                )}
                <span className={clsx(item.done && "text-zinc-500")}>{item.label}</span>
                <span className="sr-only">{item.done ? "(done)" : "(to do)"}</span>
              </>
            )}
          </li>
        ))}
      </ol>
      {error ? (
        <p className="mt-1 text-[12px] font-medium text-red-600 dark:text-red-400" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
