import { CALENDAR_HOURS } from "./calendar";
import type { SlaPolicy } from "./sla";

// The clocks keep the promise made to the reporter at receipt: a report
// holds the SLA policy version in force when it arrived, whichever project it
// is moved to later. When the project's policy now differs, the report page
// says so, naming each difference, so no one reads the wrong deadline.

type Term = { label: string; value: (p: SlaPolicy) => string };

const hours = (n: number) => `${n} h`;
const days = (n: number) => `${n} d`;

const TERMS: Term[] = [
  { label: "acknowledge", value: (p) => hours(p.acknowledgeHours) },
  { label: "detailed response", value: (p) => hours(p.responseHours) },
  { label: "keep informed", value: (p) => `every ${days(p.updateDays)}` },
  { label: "fix critical", value: (p) => days(p.fixDaysCritical) },
  { label: "fix high", value: (p) => days(p.fixDaysHigh) },
  { label: "fix medium", value: (p) => days(p.fixDaysMedium) },
  { label: "fix low", value: (p) => days(p.fixDaysLow) },
  {
    label: "counting",
    value: (p) => {
      const c = p.calendar ?? CALENDAR_HOURS;
      return c.mode === "BUSINESS" ? `business days (${c.timeZone})` : "calendar hours";
    },
  },
];

/** Each term the current policy words differently: "acknowledge 48 h → 24 h". */
export function policyDifferences(promised: SlaPolicy, current: SlaPolicy): string[] {
  return TERMS.flatMap((t) => {
    const was = t.value(promised);
    const now = t.value(current);
    return was === now ? [] : [`${t.label} ${was} → ${now}`];
  });
}

/**
 * The report page's note when the project's policy in force differs from the one the report was promised
 * under, or null when they agree.
 */
export function policyNote(promised: SlaPolicy, current: SlaPolicy, projectName: string | null): string | null {
  const diffs = policyDifferences(promised, current);
  if (!diffs.length) return null;
  const whose = projectName ? `${projectName}’s policy` : "The policy in force";
  return `The clocks keep the promise made when this report arrived. ${whose} now differs: ${diffs.join(", ")}.`;
}
