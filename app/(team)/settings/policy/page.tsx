import type { Metadata } from "next";

import { Card, PageHeader } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/time";
import { DEFAULT_POLICY } from "@/lib/domain/sla";
import { requireUser } from "@/lib/server/auth/page-auth";
import { publicSettings } from "@/lib/server/security/public-page";
import { listPolicies } from "@/lib/server/sla/policy";

import { PolicyForm } from "./policy-form";
import { PublicSettingsForm } from "./public-form";

export const metadata: Metadata = { title: "SLA policy" };

export default async function PolicyPage({ searchParams }: { searchParams: Promise<{ project?: string }> }) {
  const actor = await requireUser("/settings/policy");
  const { project } = await searchParams;
  const [{ instance, projects, history }, publicValues] = await Promise.all([listPolicies(actor), publicSettings()]);
  const chosen = projects.find((p) => p.slug === project);
  const current = (chosen ? (chosen.policy ?? instance) : instance) ?? null;
  const now = new Date();
  const values = {
    acknowledgeHours: current?.acknowledgeHours ?? DEFAULT_POLICY.acknowledgeHours,
    responseHours: current?.responseHours ?? DEFAULT_POLICY.responseHours,
    updateDays: current?.updateDays ?? DEFAULT_POLICY.updateDays,
    fixDaysCritical: current?.fixDaysCritical ?? DEFAULT_POLICY.fixDaysCritical,
    fixDaysHigh: current?.fixDaysHigh ?? DEFAULT_POLICY.fixDaysHigh,
    fixDaysMedium: current?.fixDaysMedium ?? DEFAULT_POLICY.fixDaysMedium,
    fixDaysLow: current?.fixDaysLow ?? DEFAULT_POLICY.fixDaysLow,
    calendar: current?.calendar ?? "CALENDAR",
    timeZone: current?.timeZone ?? "UTC",
    holidays: current?.holidays ?? [],
    text: current?.policyText ?? "",
  };
  const scoped = history.filter((h) => h.projectId === (chosen?.id ?? null)).slice(0, 8);
  return (
    <>
      <PageHeader
        title="SLA policy"
        description="The promises of the security policy, as clocks. Saving creates a new version; reports already received keep the version they arrived under, so a promise made is never rewritten."
      />
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_320px]">
        <Card className="p-5">
          {/* keyed by scope only, so a save keeps the form and its message */}
          <PolicyForm
            key={chosen?.slug ?? ""}
            projects={projects.map((p) => ({ slug: p.slug, name: p.name, own: !!p.policy }))}
            project={chosen?.slug ?? ""}
            values={values}
          />
        </Card>
        <div className="space-y-5">
          <Card className="p-4">
            <h2 className="text-[13px] font-semibold">
              Versions {chosen ? `for ${chosen.name}` : "(instance default)"}
            </h2>
            {scoped.length === 0 ? (
              <p className="mt-2 text-[13px] text-zinc-500">
                {chosen ? "This project follows the instance default." : "The built-in defaults apply."}
              </p>
            ) : (
              <ol className="mt-2 space-y-2 text-[13px]">
                {scoped.map((v) => (
                  <li key={v.id} className="flex items-baseline justify-between gap-2">
                    <span>
                      Version {v.version} ·{" "}
                      {v.calendar === "BUSINESS" ? `business days, ${v.timeZone}` : "calendar hours"}
                      <span className="block text-[12px] text-zinc-500">
                        {v._count.reports} reports · {v.createdBy?.name ?? "built in"}
                      </span>
                    </span>
                    <span className="text-[12px] text-zinc-500">
                      <RelativeTime at={v.createdAt} now={now} />
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <Card className="p-4">
            <h2 className="mb-3 text-[13px] font-semibold">Public page and security.txt</h2>
            <PublicSettingsForm values={publicValues} />
          </Card>
        </div>
      </div>
    </>
  );
}
