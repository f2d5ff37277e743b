import { clsx } from "clsx";
import { CheckCircle2, Clock, XCircle } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { Card } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { Stepper } from "@/components/ui/stepper";
import { REPORTER_STAGES } from "@/lib/domain/workflow";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { formatInstant, formatSpan } from "@/lib/format";
import type { StatusViewDto } from "@/lib/schemas/reports";
import { getStatusView } from "@/lib/server/status/view";
import { STATUS_PAGE_HEADERS } from "@/lib/status-headers";

import { CreditForm, ReplyForm } from "./status-forms";

export const metadata: Metadata = {
  title: "Report status",
  referrer: STATUS_PAGE_HEADERS["Referrer-Policy"],
  robots: { index: false, follow: false },
};

function Promise_({ p, receivedAt }: { p: StatusViewDto["promises"][number]; receivedAt: string }) {
  let icon = <Clock className="size-4 text-zinc-500" aria-hidden="true" />;
  let detail: string;
  if (p.metAt) {
    const late = p.kept === false;
    icon = late ? (
      <XCircle className="size-4 text-amber-600" aria-hidden="true" />
    ) : (
      <CheckCircle2 className="size-4 text-emerald-600" aria-hidden="true" />
    );
    detail = `${late ? "Done late" : "Done"} on ${formatInstant(p.metAt)}${p.clock === "acknowledge" ? ` (in ${formatSpan(Date.parse(p.metAt) - Date.parse(receivedAt))})` : ""}`;
  } else if (p.state === "paused") {
    detail = "Paused while we wait for your answer";
  } else if (p.dueAt) {
    detail =
      p.state === "breached"
        ? `Late: it was due ${formatInstant(p.dueAt)}. We are sorry for the delay.`
        : `Due by ${formatInstant(p.dueAt)}`;
    if (p.state === "breached") icon = <XCircle className="size-4 text-red-600 dark:text-red-400" aria-hidden="true" />;
  } else {
    detail = "Starts at the previous step";
  }
  return (
    <li className="flex gap-3 py-2.5">
      <span className="mt-0.5">{icon}</span>
      <span>
        <span className="block">{p.text}</span>
        <span
          className={clsx(
            "block text-[12px]",
            p.state === "breached" ? "text-red-700 dark:text-red-400" : "text-zinc-500",
          )}
        >
          {detail}
        </span>
      </span>
    </li>
  );
}

export default async function StatusPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const { token } = await params;
  const { done, error } = await searchParams;
  const view = await getStatusView(token).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  });
  const steps = REPORTER_STAGES.map((s) => ({ id: s.stage, label: s.label }));
  const current = steps.findIndex((s) => s.id === view.stage);
  const credit = {
    NAME: `By name${view.credit.name ? ` (${view.credit.name})` : ""}`,
    ANONYMOUS: "Anonymously",
    NONE: "No credit",
  }[view.credit.preference];

  return (
    <div className="space-y-5">
      <div>
        <p className="text-[13px] text-zinc-500">
          {view.organisation}
          {view.project ? ` · ${view.project}` : ""} · <span className="font-mono">{view.key}</span>
        </p>
        <h1 className="mt-1 text-xl font-semibold tracking-tight">{view.title}</h1>
      </div>
      <Card className="space-y-3 p-5">
        <Stepper steps={steps} current={current} closedLabel={view.stage === "closed" ? "Closed" : undefined} />
        <p data-testid="stage-text">{view.stageText}</p>
      </Card>
      <Card className="p-5">
        <h2 className="font-semibold">Our promises</h2>
        <ul className="mt-1 divide-y divide-zinc-100 dark:divide-zinc-800">
          {view.promises.map((p) => (
            <Promise_ key={p.clock} p={p} receivedAt={view.receivedAt} />
          ))}
        </ul>
      </Card>
      <Card className="p-5">
        <h2 className="font-semibold">Conversation</h2>
        {view.messages.length === 0 ? (
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            No messages yet. We will write to you here and by e-mail.
          </p>
        ) : (
          <ol className="mt-3 space-y-3">
            {view.messages.map((m, i) => (
              <li
                key={i}
                className={clsx(
                  "rounded-lg border p-3",
                  m.from === "you"
                    ? "border-accent-100 bg-accent-50 dark:border-accent-700/40 dark:bg-accent-700/10"
                    : "border-zinc-200 dark:border-zinc-800",
                )}
              >
                <p className="mb-1.5 text-[12px] font-medium text-zinc-600 dark:text-zinc-400">
                  {m.from === "you" ? "You" : "Security team"} · <time dateTime={m.at}>{formatInstant(m.at)}</time>
                </p>
                <Markdown>{m.body}</Markdown>
              </li>
            ))}
          </ol>
        )}
        {view.stage === "closed" || view.stage === "disclosed" ? null : (
          <ReplyForm token={token} done={done} error={error} maxFileBytes={env().ATTACHMENT_MAX_BYTES} />
        )}
      </Card>
      {view.disclosure ? (
        <Card className="p-5" data-testid="disclosure">
          <h2 className="font-semibold">Disclosure</h2>
          <dl className="mt-2 space-y-1 text-[14px]">
            {view.disclosure.cve ? (
              <div>
                <dt className="inline text-zinc-500">CVE: </dt>
                <dd className="inline font-mono">{view.disclosure.cve}</dd>
              </div>
            ) : null}
            {view.disclosure.advisoryUrl ? (
              <div>
                <dt className="inline text-zinc-500">Advisory: </dt>
                <dd className="inline">
                  <a
                    className="text-accent-700 underline dark:text-accent-400"
                    href={view.disclosure.advisoryUrl}
                    rel="noopener noreferrer"
                  >
                    {view.disclosure.advisoryUrl}
                  </a>
                </dd>
              </div>
            ) : null}
            {view.disclosure.fixedVersions.length ? (
              <div>
                <dt className="inline text-zinc-500">Fixed in: </dt>
                <dd className="inline font-mono">{view.disclosure.fixedVersions.join(", ")}</dd>
              </div>
            ) : null}
          </dl>
        </Card>
      ) : null}
      <Card className="p-5">
        <h2 className="font-semibold">Credit</h2>
        <p className="mt-1 text-zinc-700 dark:text-zinc-300" data-testid="credit">
          {credit}
        </p>
        {view.stage === "disclosed" ? null : (
          <CreditForm token={token} preference={view.credit.preference} name={view.credit.name} done={done} />
        )}
      </Card>
    </div>
  );
}
