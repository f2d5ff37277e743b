"use client";

import type { Dispatch, SetStateAction } from "react";

import { Button } from "@/components/ui/button";
import type { AffectedRange } from "@/lib/domain/matrix";

import { small } from "./line-override-form";

export type Draft = { introduced: string; end: "fixed" | "last_affected" | "none"; endVersion: string };

export function toDrafts(ranges: AffectedRange[]): Draft[] {
  return ranges.map((r) => ({
    introduced: r.introduced,
    end: r.fixed ? "fixed" : r.last_affected ? "last_affected" : "none",
    endVersion: r.fixed ?? r.last_affected ?? "",
  }));
}

export function toRanges(drafts: Draft[]): AffectedRange[] {
  return drafts
    .filter((d) => d.introduced.trim())
    .map((d) => ({
      introduced: d.introduced.trim(),
      ...(d.end === "fixed" && d.endVersion.trim() ? { fixed: d.endVersion.trim() } : {}),
      ...(d.end === "last_affected" && d.endVersion.trim() ? { last_affected: d.endVersion.trim() } : {}),
    }));
}

/** The affected ranges being edited; the panel previews them on the lines above as they are typed. */
export function RangeEditor({
  packageName,
  drafts,
  setDrafts,
  problems,
  pending,
  onSave,
  onCancel,
}: {
  packageName: string;
  drafts: Draft[];
  setDrafts: Dispatch<SetStateAction<Draft[]>>;
  problems: (string | null)[];
  pending: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="space-y-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-700">
      <p className="font-medium">
        Affected ranges of <span className="font-mono">{packageName}</span>{" "}
        <span className="font-normal text-zinc-500">(preview above)</span>
      </p>
      {drafts.map((d, i) => (
        <div key={i} className="flex flex-wrap items-center gap-1">
          <input
            value={d.introduced}
            onChange={(e) =>
              setDrafts((all) => all.map((x, j) => (j === i ? { ...x, introduced: e.target.value } : x)))
            }
            className={`${small} w-24`}
            aria-label={`Range ${i + 1}: introduced`}
            placeholder="introduced"
          />
          <select
            value={d.end}
            onChange={(e) =>
              setDrafts((all) => all.map((x, j) => (j === i ? { ...x, end: e.target.value as Draft["end"] } : x)))
            }
            className={`${small} font-sans`}
            aria-label={`Range ${i + 1}: ends`}
          >
            <option value="fixed">fixed in</option>
            <option value="last_affected">last affected</option>
            <option value="none">no fix yet</option>
          </select>
          {d.end !== "none" ? (
            <input
              value={d.endVersion}
              onChange={(e) =>
                setDrafts((all) => all.map((x, j) => (j === i ? { ...x, endVersion: e.target.value } : x)))
              }
              className={`${small} w-24`}
              aria-label={`Range ${i + 1}: version`}
              placeholder="version"
            />
          ) : null}
          <button
            type="button"
            onClick={() => setDrafts((all) => all.filter((_, j) => j !== i))}
            className="px-1 text-zinc-500 hover:text-red-600"
            aria-label={`Remove range ${i + 1}`}
          >
            ×
          </button>
          {problems[i] ? (
            <span className="w-full text-[12px] text-red-600 dark:text-red-400">{problems[i]}</span>
          ) : null}
        </div>
      ))}
      <p className="text-[11px] text-zinc-500">
        “0” means from the first version. Ranges follow OSV: introduced up to (not including) the fix.
      </p>
      <div className="flex flex-wrap gap-1.5">
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setDrafts((all) => [...all, { introduced: "", end: "fixed", endVersion: "" }])}
        >
          Add range
        </Button>
        <Button size="sm" disabled={pending || problems.some(Boolean)} onClick={onSave}>
          {pending ? "Saving…" : "Save ranges"}
        </Button>
        <Button size="sm" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
