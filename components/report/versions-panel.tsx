"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { MatrixCell } from "@/components/matrix/cell";
import { Button } from "@/components/ui/button";
import { ApiError, api } from "@/lib/api-client";
import type { AffectedRange, CellState, Line } from "@/lib/domain/matrix";
import { computeCell, releaseGate, validateRange } from "@/lib/domain/matrix";

type LineCell = {
  line: string;
  range: string;
  status: Line["status"];
  latest: string | null;
  state: CellState;
  version: string | null;
  overridden: boolean;
  fixRef: string | null;
  note: string | null;
};
type Draft = { introduced: string; end: "fixed" | "last_affected" | "none"; endVersion: string };

const small =
  "h-7 rounded border border-zinc-300 bg-white px-1.5 font-mono text-[12px] dark:border-zinc-700 dark:bg-zinc-900";

function toDrafts(ranges: AffectedRange[]): Draft[] {
  return ranges.map((r) => ({
    introduced: r.introduced,
    end: r.fixed ? "fixed" : r.last_affected ? "last_affected" : "none",
    endVersion: r.fixed ?? r.last_affected ?? "",
  }));
}

function toRanges(drafts: Draft[]): AffectedRange[] {
  return drafts
    .filter((d) => d.introduced.trim())
    .map((d) => ({
      introduced: d.introduced.trim(),
      ...(d.end === "fixed" && d.endVersion.trim() ? { fixed: d.endVersion.trim() } : {}),
      ...(d.end === "last_affected" && d.endVersion.trim() ? { last_affected: d.endVersion.trim() } : {}),
    }));
}

/** The report's row of the matrix: ranges with a live preview, and per-line fix tracking. */
export function VersionsPanel({
  reportKey,
  packageName,
  ranges,
  cells,
  canWrite,
}: {
  reportKey: string;
  packageName: string;
  ranges: AffectedRange[];
  cells: LineCell[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    ranges.length ? toDrafts(ranges) : [{ introduced: "0", end: "fixed", endVersion: "" }],
  );
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // an override's error shows next to that line's form
  const [lineError, setLineError] = useState<{ line: string; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  const draftRanges = toRanges(drafts);
  const problems = draftRanges.map(validateRange);
  // cheap to compute: a few lines × a few ranges, on every keystroke
  const preview = Object.fromEntries(
    cells.map((c) => {
      if (problems.some(Boolean)) return [c.line, c];
      const line = { name: c.line, range: c.range, latest: c.latest, status: c.status };
      const cell = computeCell(
        line,
        draftRanges,
        c.overridden ? { state: c.state, fixedVersion: c.version, fixRef: c.fixRef, note: c.note } : null,
      );
      return [c.line, { ...c, ...cell }];
    }),
  );
  const shown = editing ? cells.map((c) => preview[c.line] as LineCell) : cells;
  const gate = releaseGate(
    shown.map((c) => ({ name: c.line, range: c.range, latest: c.latest, status: c.status })),
    Object.fromEntries(shown.map((c) => [c.line, c])),
  );

  async function save() {
    setPending(true);
    setError(null);
    try {
      await api(`/api/v1/reports/${reportKey}/affected`, {
        method: "PUT",
        json: { affected: draftRanges.length ? [{ package: packageName, ranges: draftRanges }] : [] },
      });
      setEditing(false);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Not saved.");
    } finally {
      setPending(false);
    }
  }

  async function override(line: string, form: FormData) {
    setLineError(null);
    try {
      await api(`/api/v1/reports/${reportKey}/matrix/${encodeURIComponent(line)}`, {
        method: "PUT",
        json: {
          state: String(form.get("state") ?? "") || null,
          fixedVersion: String(form.get("fixedVersion") ?? "") || null,
          fixRef: String(form.get("fixRef") ?? "") || null,
          note: String(form.get("note") ?? "") || null,
        },
      });
      router.refresh();
    } catch (e) {
      setLineError({ line, message: e instanceof ApiError ? e.message : "Not saved." });
    }
  }

  if (!cells.length)
    return <p className="text-[13px] text-zinc-500">This report’s project has no release lines yet.</p>;

  return (
    <div className="space-y-3 text-[13px]">
      <ul className="space-y-1.5" aria-label="Release lines" data-testid="versions">
        {shown.map((c) => (
          <li
            key={c.line}
            className="rounded-md border border-zinc-100 px-2 py-1.5 dark:border-zinc-800"
            data-line={c.line}
            data-state={c.state}
          >
            <details>
              <summary className="flex cursor-pointer list-none items-center justify-between gap-2">
                <span className={c.status === "EOL" ? "text-zinc-400" : undefined}>
                  <span className="font-medium">{c.line}</span>{" "}
                  <span className="text-[11px] text-zinc-500">
                    {c.status === "MAINTAINED" ? "" : c.status === "EOL" ? "EOL" : "pre-release"}
                  </span>
                </span>
                <MatrixCell state={c.state} version={c.version} overridden={c.overridden} />
              </summary>
              <div className="mt-2 space-y-1 text-[12px] text-zinc-600 dark:text-zinc-400">
                <p>
                  Range <span className="font-mono">{c.range}</span>, latest{" "}
                  <span className="font-mono">{c.latest ?? "unreleased"}</span>
                </p>
                {c.fixRef ? (
                  <p>
                    Fix: <span className="break-all font-mono">{c.fixRef}</span>
                  </p>
                ) : null}
                {c.note ? <p>Note: {c.note}</p> : null}
                {canWrite ? (
                  <form
                    className="grid grid-cols-2 gap-1.5 pt-1"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void override(c.line, new FormData(e.currentTarget));
                    }}
                  >
                    <label className="col-span-2 flex items-center gap-2">
                      <span className="w-20">Set state</span>
                      <select
                        name="state"
                        defaultValue={c.overridden ? c.state : ""}
                        className={`${small} flex-1 font-sans`}
                      >
                        <option value="">computed</option>
                        <option value="fixed">fixed</option>
                        <option value="not_affected">not affected</option>
                        <option value="affected">affected</option>
                        <option value="wont_fix">won&apos;t fix</option>
                      </select>
                    </label>
                    <input
                      name="fixedVersion"
                      placeholder="fixed version"
                      defaultValue={c.overridden ? (c.version ?? "") : ""}
                      className={small}
                      aria-label={`Fixed version on ${c.line}`}
                    />
                    <input
                      name="fixRef"
                      placeholder="commit or PR URL"
                      defaultValue={c.fixRef ?? ""}
                      className={small}
                      aria-label={`Fix reference on ${c.line}`}
                    />
                    <input
                      name="note"
                      placeholder="note (needed for won't fix)"
                      defaultValue={c.note ?? ""}
                      className={`${small} col-span-2 font-sans`}
                      aria-label={`Note on ${c.line}`}
                    />
                    <Button type="submit" size="sm" variant="secondary" className="col-span-2">
                      Save {c.line}
                    </Button>
                    {lineError?.line === c.line ? (
                      <p className="col-span-2 font-medium text-red-600 dark:text-red-400" role="alert">
                        {lineError.message}
                      </p>
                    ) : null}
                  </form>
                ) : null}
              </div>
            </details>
          </li>
        ))}
      </ul>
      <p className="text-[12px] text-zinc-600 dark:text-zinc-400" data-testid="gate">
        {gate.linesNotReady.length
          ? `Release pending waits for: ${gate.linesNotReady.join(", ")}.`
          : gate.linesNotReleased.length
            ? `Ready for release; disclosure waits for: ${gate.linesNotReleased.join(", ")}.`
            : "Every maintained line is fixed and released, or not affected."}
      </p>
      {canWrite ? (
        editing ? (
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
                {problems[i] ? <span className="w-full text-[12px] text-red-600">{problems[i]}</span> : null}
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
              <Button size="sm" disabled={pending || problems.some(Boolean)} onClick={() => void save()}>
                {pending ? "Saving…" : "Save ranges"}
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            {ranges.length ? "Edit affected ranges" : "Determine affected versions"}
          </Button>
        )
      ) : null}
      {error ? (
        <p className="font-medium text-red-600" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
