"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { ChoiceSelect, SEVERITY_CHOICES } from "@/components/ui/choice-select";
import { CloseDialog } from "@/components/ui/close-dialog";
import { inputClass } from "@/components/ui/field";
import { ApiError, api } from "@/lib/api-client";
import { scoreCvss } from "@/lib/domain/cvss";
import { dropTargets, reportFacts } from "@/lib/domain/transitions";
import type { Status } from "@/lib/domain/workflow";
import { SEVERITY_LABELS, STATUSES, STATUS_LABELS } from "@/lib/domain/workflow";
import type { ReportDto } from "@/lib/schemas/reports";

const small =
  "h-8 w-full rounded-md border border-zinc-300 bg-white px-2 text-[13px] dark:border-zinc-700 dark:bg-zinc-900";

function Row({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1 py-1.5">
      <label htmlFor={htmlFor} className="block text-[12px] text-zinc-500">
        {label}
      </label>
      {children}
    </div>
  );
}

/** Workflow and triage fields; each change is saved at once with the version read. */
export function ReportControls({ report, team }: { report: ReportDto; team: { email: string; name: string }[] }) {
  const router = useRouter();
  const [version, setVersion] = useState(report.version);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [closing, setClosing] = useState(false);
  const [cvss, setCvss] = useState(report.cvss?.vector ?? "");
  const preview = cvss.trim() ? scoreCvss(cvss) : null;

  async function patch(change: Record<string, unknown>) {
    setSaving(true);
    setError(null);
    try {
      const next = await api<ReportDto>(`/api/v1/reports/${report.key}`, {
        method: "PATCH",
        json: { version, ...change },
      });
      setVersion(next.version);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The change was not saved.");
      if (e instanceof ApiError && e.status === 409) router.refresh();
    } finally {
      setSaving(false);
    }
  }

  const targets = dropTargets(report.status, reportFacts(report));
  const people = team.map((u) => ({ value: u.email, label: u.name }));

  return (
    <div aria-busy={saving}>
      <Row label="Status" htmlFor="ctl-status">
        <select
          id="ctl-status"
          value={report.status}
          disabled={saving}
          onChange={(e) => {
            const to = e.target.value as Status;
            if (to === "CLOSED") setClosing(true);
            else void patch({ status: to });
          }}
          className={small}
        >
          {STATUSES.map((s) => {
            const t = targets[s];
            const allowed = s === report.status || t.ok;
            return (
              <option key={s} value={s} disabled={!allowed} title={!allowed && !t.ok ? t.reason : undefined}>
                {STATUS_LABELS[s]}
                {!allowed && !t.ok ? ` — ${t.reason}` : ""}
              </option>
            );
          })}
        </select>
      </Row>
      <Row label="Primary handler" htmlFor="ctl-assignee">
        <ChoiceSelect
          id="ctl-assignee"
          value={report.assignee?.email ?? ""}
          disabled={saving}
          onChange={(e) => void patch({ assignee: e.target.value || null })}
          className={small}
          choices={[{ value: "", label: "Unassigned" }, ...people]}
        />
      </Row>
      <Row label="Backup" htmlFor="ctl-backup">
        <ChoiceSelect
          id="ctl-backup"
          value={report.backup?.email ?? ""}
          disabled={saving}
          onChange={(e) => void patch({ backup: e.target.value || null })}
          className={small}
          choices={[{ value: "", label: "None" }, ...people]}
        />
      </Row>
      <Row label="Severity" htmlFor="ctl-severity">
        <ChoiceSelect
          id="ctl-severity"
          value={report.severity ?? ""}
          disabled={saving}
          onChange={(e) => void patch({ severity: e.target.value || null })}
          className={small}
          choices={[{ value: "", label: "Unrated" }, ...SEVERITY_CHOICES]}
        />
      </Row>
      <Row label="CVSS 3.1 or 4.0 vector" htmlFor="ctl-cvss">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void patch({ cvssVector: cvss.trim() || null });
          }}
          className="space-y-1"
        >
          <input
            id="ctl-cvss"
            value={cvss}
            onChange={(e) => setCvss(e.target.value)}
            placeholder="CVSS:3.1/AV:N/AC:L/…"
            className={`${inputClass} py-1.5 font-mono text-[12px]`}
            aria-describedby="ctl-cvss-preview"
          />
          <p id="ctl-cvss-preview" className="text-[12px]" aria-live="polite">
            {preview ? (
              preview.ok ? (
                <span className="tabular">
                  Score {preview.score.toFixed(1)} · {SEVERITY_LABELS[preview.severity]} — press Enter to save
                </span>
              ) : (
                <span className="text-red-600 dark:text-red-400">{preview.reason}</span>
              )
            ) : (
              <span className="text-zinc-500">Setting a vector sets the severity from its score.</span>
            )}
          </p>
        </form>
      </Row>
      <Row label="Labels (comma-separated)" htmlFor="ctl-labels">
        <input
          id="ctl-labels"
          defaultValue={report.labels.join(", ")}
          key={report.labels.join(",")}
          onBlur={(e) => {
            const labels = e.target.value
              .split(",")
              .map((l) => l.trim())
              .filter(Boolean);
            if (labels.join(",") !== report.labels.join(",")) void patch({ labels });
          }}
          className={`${inputClass} py-1.5`}
        />
      </Row>
      <Row label="CWE ids (comma-separated)" htmlFor="ctl-cwe">
        <input
          id="ctl-cwe"
          defaultValue={report.cweIds.join(", ")}
          key={report.cweIds.join(",")}
          placeholder="CWE-79"
          onBlur={(e) => {
            const cweIds = e.target.value
              .split(",")
              .map((l) => l.trim().toUpperCase())
              .filter(Boolean);
            if (cweIds.join(",") !== report.cweIds.join(",")) void patch({ cweIds });
          }}
          className={`${inputClass} py-1.5 font-mono text-[12px]`}
        />
      </Row>
      <div className="flex items-center gap-2 py-2">
        <input
          id="ctl-waiting"
          type="checkbox"
          checked={report.waitingOnReporter}
          disabled={saving}
          onChange={(e) => void patch({ waitingOnReporter: e.target.checked })}
          className="accent-accent-600"
        />
        <label htmlFor="ctl-waiting" className="text-[13px]">
          Waiting on the reporter <span className="text-zinc-500">(pauses keep-informed and fix clocks)</span>
        </label>
      </div>
      {error ? (
        <p className="mt-1 text-[13px] font-medium text-red-600 dark:text-red-400" role="alert">
          {error}
        </p>
      ) : null}
      <CloseDialog
        card={closing ? { key: report.key } : null}
        onCancel={() => setClosing(false)}
        onConfirm={(choice) => {
          setClosing(false);
          void patch({ status: "CLOSED", ...choice });
        }}
      />
    </div>
  );
}
