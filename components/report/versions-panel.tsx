"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { MatrixCell } from "@/components/ui/matrix-cell";
import { ApiError, api } from "@/lib/api-client";
import type { AffectedRange, CellState, Line } from "@/lib/domain/matrix";
import { computeCell, releaseGate, validateRange } from "@/lib/domain/matrix";

import { LineOverrideForm } from "./line-override-form";
import type { Draft } from "./range-editor";
import { RangeEditor, toDrafts, toRanges } from "./range-editor";

export type LineCell = {
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
                  <LineOverrideForm
                    cell={c}
                    error={lineError?.line === c.line ? lineError.message : null}
                    onSave={(form) => void override(c.line, form)}
                  />
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
          <RangeEditor
            packageName={packageName}
            drafts={drafts}
            setDrafts={setDrafts}
            problems={problems}
            pending={pending}
            onSave={() => void save()}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            {ranges.length ? "Edit affected ranges" : "Determine affected versions"}
          </Button>
        )
      ) : null}
      {error ? <ErrorText>{error}</ErrorText> : null}
    </div>
  );
}
