"use client";

import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { TextField } from "@/components/ui/field";
import { GridFormFooter, SuccessText } from "@/components/ui/form-footer";
import { useFormAction } from "@/components/ui/use-form-action";
import { formFeedback } from "@/lib/action-state";
import { ApiError, api } from "@/lib/api-client";

import type { LinesState } from "../actions";
import { createProjectAction, saveLinesAction } from "../actions";

const PROJECT_FIELDS = [
  { name: "name", id: "p-name", label: "Name", placeholder: "Express" },
  { name: "slug", id: "p-slug", label: "Slug", hint: "Used in URLs and the API.", mono: true, placeholder: "express" },
  { name: "packageName", id: "p-package", label: "Package (optional)", mono: true, placeholder: "express" },
  {
    name: "ecosystem",
    id: "p-ecosystem",
    label: "Ecosystem",
    hint: "As OSV names it: npm, PyPI, crates.io…",
    mono: true,
    placeholder: "npm",
  },
  {
    name: "repositoryUrl",
    id: "p-repo",
    label: "Repository URL (optional)",
    placeholder: "https://github.com/expressjs/express",
  },
];

export function CreateProjectForm() {
  const { state, action, pending, field } = useFormAction(createProjectAction);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" aria-label="New project">
      {PROJECT_FIELDS.map(({ name, id, mono, ...props }) => (
        <TextField key={name} {...field(name, id)} controlClassName={mono ? "font-mono" : undefined} {...props} />
      ))}
      <GridFormFooter state={state} pending={pending} pendingLabel="Creating…">
        Create project
      </GridFormFooter>
    </form>
  );
}

type Row = {
  name: string;
  range: string;
  latest: string;
  status: "MAINTAINED" | "PRERELEASE" | "EOL";
  eolDate: string;
};
const cell =
  "h-8 w-full rounded border border-zinc-300 bg-white px-2 text-[13px] dark:border-zinc-700 dark:bg-zinc-900 aria-[invalid=true]:border-red-500";

const LINE_COLUMNS = ["Line", "Semver range", "Latest release", "Status", "EOL date"];

export function LinesEditor({ slug, lines, hasPackage }: { slug: string; lines: Row[]; hasPackage: boolean }) {
  const [rows, setRows] = useState<Row[]>(lines);
  const [state, setState] = useState<LinesState>({});
  const [pending, start] = useTransition();
  const { error, fields: f } = formFeedback(state);
  const set = (i: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <div className="space-y-2">
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-[13px]">
          <thead className="text-[12px] text-zinc-500">
            <tr>
              {LINE_COLUMNS.map((label) => (
                <th key={label} scope="col" className="py-1 pr-2 font-medium">
                  {label}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className="align-top">
                <td className="py-1 pr-2">
                  <input
                    aria-label={`Line ${i + 1} name`}
                    value={r.name}
                    onChange={(e) => set(i, { name: e.target.value })}
                    className={`${cell} w-20`}
                    aria-invalid={!!f[`lines.${i}.name`]}
                  />
                </td>
                <td className="py-1 pr-2">
                  <input
                    aria-label={`Line ${i + 1} range`}
                    value={r.range}
                    onChange={(e) => set(i, { range: e.target.value })}
                    className={`${cell} font-mono`}
                    aria-invalid={!!f[`lines.${i}.range`]}
                  />
                  {f[`lines.${i}.range`] ? (
                    <p className="mt-0.5 text-[12px] text-red-600 dark:text-red-400">{f[`lines.${i}.range`]}</p>
                  ) : null}
                </td>
                <td className="py-1 pr-2">
                  <input
                    aria-label={`Line ${i + 1} latest`}
                    value={r.latest}
                    onChange={(e) => set(i, { latest: e.target.value })}
                    className={`${cell} font-mono`}
                    aria-invalid={!!f[`lines.${i}.latest`]}
                  />
                  {f[`lines.${i}.latest`] ? (
                    <p className="mt-0.5 text-[12px] text-red-600 dark:text-red-400">{f[`lines.${i}.latest`]}</p>
                  ) : null}
                </td>
                <td className="py-1 pr-2">
                  <select
                    aria-label={`Line ${i + 1} status`}
                    value={r.status}
                    onChange={(e) => set(i, { status: e.target.value as Row["status"] })}
                    className={cell}
                  >
                    <option value="MAINTAINED">Maintained</option>
                    <option value="PRERELEASE">Pre-release</option>
                    <option value="EOL">End of life</option>
                  </select>
                </td>
                <td className="py-1 pr-2">
                  <input
                    aria-label={`Line ${i + 1} EOL date`}
                    type="date"
                    value={r.eolDate}
                    onChange={(e) => set(i, { eolDate: e.target.value })}
                    className={cell}
                  />
                </td>
                <td className="py-1">
                  <button
                    type="button"
                    onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                    className="h-8 px-2 text-zinc-500 hover:text-red-600"
                    aria-label={`Remove line ${r.name || i + 1}`}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && !Object.keys(f).some((k) => k.endsWith(".range") || k.endsWith(".latest")) ? (
        <ErrorText>{error}</ErrorText>
      ) : null}
      {state.ok && state.message ? <SuccessText>{state.message}</SuccessText> : null}
      {state.ok && state.orphans?.length ? (
        <p className="text-[13px] text-amber-700 dark:text-amber-300" role="status">
          Kept {state.orphans.length} override(s) of removed lines:{" "}
          {state.orphans.map((o) => `${o.report} (${o.line})`).join(", ")}.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="ghost"
          onClick={() =>
            setRows((all) => [...all, { name: "", range: "", latest: "", status: "MAINTAINED", eolDate: "" }])
          }
        >
          Add line
        </Button>
        {hasPackage ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              start(async () => {
                try {
                  const res = await api<{
                    lines: { name: string; range: string; latest: string; status: Row["status"] }[];
                  }>(`/api/v1/projects/${slug}/suggested-lines`);
                  setRows(
                    res.lines.map((l) => ({ ...l, eolDate: rows.find((r) => r.name === l.name)?.eolDate ?? "" })),
                  );
                  setState({
                    ok: true,
                    message: `Suggested ${res.lines.length} lines from npm. Check them, then save.`,
                  });
                } catch (e) {
                  setState({
                    ok: false,
                    error: { code: "npm", message: e instanceof ApiError ? e.message : "npm did not answer." },
                  });
                }
              })
            }
          >
            Suggest from npm
          </Button>
        ) : null}
        <Button
          size="sm"
          disabled={pending}
          onClick={() =>
            start(async () => {
              setState(
                await saveLinesAction(
                  slug,
                  rows.map((r) => ({
                    name: r.name,
                    range: r.range,
                    latest: r.latest || null,
                    status: r.status,
                    eolDate: r.eolDate || null,
                  })),
                ),
              );
            })
          }
        >
          {pending ? "Saving…" : "Save lines"}
        </Button>
      </div>
    </div>
  );
}
