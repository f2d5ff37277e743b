import Link from "next/link";

import { Markdown } from "@/components/ui/markdown";
import type { RecordClock } from "@/lib/domain/promise-record";
import { RECORD_MIN_REPORTS } from "@/lib/domain/promise-record";
import type { SlaPolicy } from "@/lib/domain/sla";
import type { PublicPolicy } from "@/lib/server/security/public-page";

// /security and /security/<project>: the written policy, how to report, the
// promises as the clocks keep them, and how often they were kept.

function span(hours: number, policy: SlaPolicy): string {
  const business = policy.calendar?.mode === "BUSINESS";
  if (hours % 24 === 0 && (business || hours > 72)) {
    const days = hours / 24;
    return `${days} ${business ? "business " : ""}day${days === 1 ? "" : "s"}`;
  }
  return `${hours} ${business ? "business " : ""}hour${hours === 1 ? "" : "s"}`;
}

const days = (n: number, policy: SlaPolicy) => span(n * 24, policy);

function promises(p: SlaPolicy): string[] {
  return [
    `We acknowledge every report within ${span(p.acknowledgeHours, p)}.`,
    `We send a detailed response with next steps within ${span(p.responseHours, p)} of acknowledging it.`,
    `We keep the reporter informed at least every ${days(p.updateDays, p)} until the fix is announced.`,
    `Once confirmed, we aim to fix critical problems within ${days(p.fixDaysCritical, p)}, high within ${days(p.fixDaysHigh, p)}, medium within ${days(p.fixDaysMedium, p)} and low within ${days(p.fixDaysLow, p)}.`,
  ];
}

const RECORD_WORDS: Record<RecordClock, (p: SlaPolicy) => string> = {
  acknowledge: (p) => `Acknowledged within ${span(p.acknowledgeHours, p)}`,
  response: (p) => `Detailed response within ${span(p.responseHours, p)} of acknowledgment`,
  fix: () => "Fixed within the time its severity allows",
};

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-[15px] font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function PublicPolicyView({ policy }: { policy: PublicPolicy }) {
  const { project, numbers, reporting, record } = policy;
  const heading = project ? `${project.name}: security policy` : `${policy.organisation}: security policy`;
  return (
    <article className="space-y-8">
      <header>
        <h1 className="text-xl font-semibold tracking-tight">{heading}</h1>
        <p className="mt-2 max-w-2xl text-zinc-600 dark:text-zinc-400">
          How to tell us about a vulnerability privately, what we promise in return, and how often we kept those
          promises.
        </p>
      </header>

      <Section id="how-to-report" title="How to report">
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Use the{" "}
            <Link href="/report" className="text-accent-700 underline dark:text-accent-400">
              private report form
            </Link>
            . You get a private link to follow your report; no account is needed.
          </li>
          {reporting.address && (
            <li>
              Or write to{" "}
              <a href={`mailto:${reporting.address}`} className="text-accent-700 underline dark:text-accent-400">
                {reporting.address}
              </a>
              .
            </li>
          )}
          {reporting.encryption?.startsWith("https://") && (
            <li>
              To encrypt your mail, use{" "}
              <a href={reporting.encryption} className="text-accent-700 underline dark:text-accent-400">
                our public key
              </a>
              .
            </li>
          )}
          <li>Please do not open a public issue or pull request about a vulnerability.</li>
        </ul>
      </Section>

      <Section id="promises" title="What we promise">
        <ul className="list-disc space-y-1 pl-5">
          {promises(numbers).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </Section>

      <Section id="record" title={`Our record, last ${policy.recordDays} days`}>
        <ul className="space-y-1" data-testid="promise-record">
          {record.map((t) => (
            <li key={t.clock} className="tabular">
              {t.pctMet === null ? (
                <span className="text-zinc-600 dark:text-zinc-400">
                  {RECORD_WORDS[t.clock](numbers)}: not shown yet — fewer than {RECORD_MIN_REPORTS} reports had an
                  outcome in this period.
                </span>
              ) : (
                <>
                  {RECORD_WORDS[t.clock](numbers)}: <strong>{t.pctMet} %</strong> of {t.counted} reports
                </>
              )}
            </li>
          ))}
        </ul>
      </Section>

      {policy.text && (
        <Section id="policy-text" title="The policy in full">
          <Markdown nested>{policy.text}</Markdown>
        </Section>
      )}

      {policy.projects.length > 0 && (
        <nav
          aria-label="Policies by project"
          className="border-t border-zinc-200 pt-4 text-[13px] dark:border-zinc-800"
        >
          <span className="text-zinc-600 dark:text-zinc-400">By project: </span>
          {project && (
            <>
              <Link href="/security" className="text-accent-700 underline dark:text-accent-400">
                all projects
              </Link>
              {", "}
            </>
          )}
          {policy.projects.map((p, i) => (
            <span key={p.slug}>
              {i > 0 && ", "}
              <Link
                href={`/security/${p.slug}`}
                aria-current={project?.slug === p.slug ? "page" : undefined}
                className="text-accent-700 underline dark:text-accent-400"
              >
                {p.name}
              </Link>
            </span>
          ))}
        </nav>
      )}
    </article>
  );
}
