import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { Attachments } from "@/components/report/attachments";
import { PolicyChecklist } from "@/components/report/checklist";
import { Composer } from "@/components/report/composer";
import { LinkedReports } from "@/components/report/linked-reports";
import { ProjectPicker } from "@/components/report/project-picker";
import { ReportControls } from "@/components/report/report-controls";
import { StatusLinkPanel } from "@/components/report/status-link";
import { Timeline } from "@/components/report/timeline";
import { VersionsPanel } from "@/components/report/versions-panel";
import { CLOCK_LABELS, ClockChip, SeverityBadge } from "@/components/ui/badges";
import { Card } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { Stepper } from "@/components/ui/stepper";
import { RelativeTime } from "@/components/ui/time";
import { policyChecklist } from "@/lib/domain/checklist";
import { releaseGate } from "@/lib/domain/matrix";
import { RESOLUTION_LABELS, STATUSES, STATUS_LABELS } from "@/lib/domain/workflow";
import { DomainError } from "@/lib/errors";
import { formatInstant } from "@/lib/format";
import { can } from "@/lib/server/auth/actor";
import { requireUser } from "@/lib/server/auth/page-auth";
import { listCannedResponses } from "@/lib/server/canned/canned";
import { matrixRow } from "@/lib/server/matrix/matrix";
import { listPublicProjects, projectPackage } from "@/lib/server/projects/projects";
import { attachmentsForPage } from "@/lib/server/reports/attachments";
import { getReport } from "@/lib/server/reports/detail";
import { markReportSeen } from "@/lib/server/reports/unread";
import { reportPolicyNote } from "@/lib/server/sla/policy";
import { listAssignableUsers } from "@/lib/server/users/users";

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).key };
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1.5">
      <dt className="text-[12px] text-zinc-500">{label}</dt>
      <dd className="text-right text-[13px]">{children}</dd>
    </div>
  );
}

export default async function ReportPage({ params }: Props) {
  const { key } = await params;
  const actor = await requireUser(`/reports/${key}`);
  const openedAt = new Date();
  const report = await getReport(actor, key).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  });
  // reporter messages up to now are seen: the board's unread marker goes
  await markReportSeen(actor, report.key, openedAt);
  const canWrite = can(actor, "reports.write");
  const lineCells = await matrixRow(report.key);
  const gate = releaseGate(
    lineCells.map((c) => ({ name: c.line, range: c.range, latest: c.latest, status: c.status })),
    Object.fromEntries(lineCells.map((c) => [c.line, c])),
  );
  const checklist = policyChecklist({
    status: report.status,
    confirmedAt: report.confirmedAt,
    affected: report.affected,
    checklist: report.checklist,
    gate,
  });
  const projectRow = report.project ? await projectPackage(report.project.slug) : null;
  const [team, canned, projects] = canWrite
    ? await Promise.all([listAssignableUsers(actor), listCannedResponses(actor), listPublicProjects()])
    : [[], [], []];
  const policyNote = await reportPolicyNote(actor, report.key);
  const attachments = await attachmentsForPage(actor, report.key);
  const now = new Date();
  const steps = STATUSES.filter((s) => s !== "CLOSED").map((s) => ({ id: s, label: STATUS_LABELS[s] }));
  const current = report.status === "CLOSED" ? -1 : steps.findIndex((s) => s.id === report.status);
  const reporterName = report.reporter.name ?? report.reporter.email;

  return (
    <div className="space-y-5">
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-[13px] text-zinc-500">{report.key}</span>
          <SeverityBadge severity={report.severity} score={report.cvss?.score} />
          {report.project ? (
            <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[12px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
              {report.project.name}
            </span>
          ) : (
            <span className="rounded border border-dashed border-zinc-300 px-1.5 py-0.5 text-[12px] text-zinc-500 dark:border-zinc-700">
              Unsorted
            </span>
          )}
        </div>
        <h1 className="text-xl font-semibold tracking-tight">{report.title}</h1>
        <Stepper
          steps={steps}
          current={current}
          closedLabel={
            report.status === "CLOSED"
              ? `Closed · ${report.resolution ? RESOLUTION_LABELS[report.resolution] : ""}`
              : undefined
          }
        />
      </header>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_320px]">
        <div className="min-w-0 space-y-5">
          <Card className="p-5">
            <h2 className="sr-only">Report</h2>
            <Markdown>{report.body}</Markdown>
          </Card>
          <Attachments reportKey={report.key} items={attachments} now={now} />
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="mb-2 text-[13px] font-semibold uppercase tracking-wide text-zinc-500">
              Timeline
            </h2>
            <Timeline entries={report.timeline} now={now} reportKey={report.key} />
          </section>
          {canWrite ? <Composer reportKey={report.key} canned={canned} /> : null}
          <LinkedReports report={report} />
        </div>

        <aside className="space-y-4">
          <Card className="p-4">
            <h2 className="mb-2 text-[13px] font-semibold">Clocks</h2>
            <ul className="space-y-2">
              {report.sla.map((c) => (
                <li key={c.clock} className="flex flex-col">
                  <ClockChip clock={c} now={now} />
                  {c.dueAt ? (
                    <span className="tabular pl-5 text-[11px] text-zinc-500">
                      {c.state === "met" && c.metAt
                        ? `done ${formatInstant(c.metAt)}`
                        : `due ${formatInstant(c.dueAt)}`}
                    </span>
                  ) : (
                    <span className="pl-5 text-[11px] text-zinc-500">{CLOCK_LABELS[c.clock]} starts later</span>
                  )}
                </li>
              ))}
            </ul>
            {policyNote ? (
              <p className="mt-3 border-t border-zinc-100 pt-2 text-[12px] text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                {policyNote}
              </p>
            ) : null}
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-[13px] font-semibold">Policy checklist</h2>
            <PolicyChecklist
              reportKey={report.key}
              version={report.version}
              checklist={report.checklist}
              canWrite={canWrite}
              items={checklist}
            />
          </Card>
          {report.project ? (
            <Card className="p-4">
              <h2 className="mb-2 text-[13px] font-semibold">Affected versions</h2>
              <VersionsPanel
                key={report.version}
                reportKey={report.key}
                packageName={projectRow ?? report.project.slug}
                ranges={
                  report.affected.find((a) => a.package === (projectRow ?? report.project!.slug))?.ranges ??
                  report.affected[0]?.ranges ??
                  []
                }
                cells={lineCells}
                canWrite={canWrite}
              />
            </Card>
          ) : null}
          {canWrite ? (
            <Card className="p-4">
              <h2 className="mb-1 text-[13px] font-semibold">Triage</h2>
              <ProjectPicker key={`project-${report.version}`} report={report} projects={projects} />
              <ReportControls
                key={report.version}
                report={report}
                team={team.map((u) => ({ email: u.email, name: u.name }))}
              />
            </Card>
          ) : null}
          {canWrite ? (
            <Card className="p-4">
              <h2 className="mb-1 text-[13px] font-semibold">Reporter’s status link</h2>
              <StatusLinkPanel reportKey={report.key} />
            </Card>
          ) : null}
          <Card className="p-4">
            <h2 className="mb-1 text-[13px] font-semibold">Details</h2>
            <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
              <Row label="Status">{STATUS_LABELS[report.status]}</Row>
              <Row label="Primary handler">
                {report.assignee?.name ?? <span className="text-zinc-400">Unassigned</span>}
              </Row>
              <Row label="Backup">{report.backup?.name ?? <span className="text-zinc-400">None</span>}</Row>
              {report.waitingOnReporter ? <Row label="Waiting">on the reporter</Row> : null}
              {report.cweIds.length ? (
                <Row label="CWE">
                  <span className="font-mono">{report.cweIds.join(", ")}</span>
                </Row>
              ) : null}
              <Row label="Reporter">
                <span className="block">{reporterName}</span>
                <span className="block text-[11px] text-zinc-500">{report.reporter.email}</span>
              </Row>
              <Row label="Received">
                <RelativeTime at={report.receivedAt} now={now} />
              </Row>
              {report.cveId ? (
                <Row label="CVE">
                  <span className="font-mono">{report.cveId}</span>
                </Row>
              ) : null}
              {report.labels.length ? <Row label="Labels">{report.labels.join(", ")}</Row> : null}
            </dl>
          </Card>
        </aside>
      </div>
    </div>
  );
}
