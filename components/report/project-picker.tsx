"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { ChoiceSelect } from "@/components/ui/choice-select";
import { ApiError, api } from "@/lib/api-client";
import type { ReportDto } from "@/lib/schemas/reports";

const small =
  "h-8 w-full rounded-md border border-zinc-300 bg-white px-2 text-[13px] dark:border-zinc-700 dark:bg-zinc-900";

/** The report's project, changed at once with the version read; "Unsorted" leaves it without one. */
export function ProjectPicker({
  report,
  projects,
}: {
  report: Pick<ReportDto, "key" | "version" | "project">;
  projects: { slug: string; name: string }[];
}) {
  const router = useRouter();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function move(project: string | null) {
    setSaving(true);
    setError(null);
    try {
      await api<ReportDto>(`/api/v1/reports/${report.key}`, {
        method: "PATCH",
        json: { version: report.version, project },
      });
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The project was not changed.");
      if (e instanceof ApiError && e.status === 409) router.refresh();
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="space-y-1 py-1.5" aria-busy={saving}>
      <label htmlFor="ctl-project" className="block text-[12px] text-zinc-500">
        Project
      </label>
      <ChoiceSelect
        id="ctl-project"
        value={report.project?.slug ?? ""}
        disabled={saving}
        onChange={(e) => void move(e.target.value || null)}
        className={small}
        aria-describedby="ctl-project-hint"
        choices={[
          { value: "", label: "Unsorted (no project)" },
          ...projects.map((p) => ({ value: p.slug, label: p.name })),
        ]}
      />
      <p id="ctl-project-hint" className="text-[11px] text-zinc-500">
        Moving drops the affected versions recorded for the old project’s package; the timeline keeps them.
      </p>
      {error ? (
        <p className="text-[13px] font-medium text-red-600 dark:text-red-400" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
