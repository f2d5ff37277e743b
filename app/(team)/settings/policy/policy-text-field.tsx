"use client";

import { Field, inputClass } from "@/components/ui/field";
import type { PolicyMismatch, PolicyNumber } from "@/lib/domain/policy-text";

const CLOCK_WORDS: Record<PolicyNumber, [string, "hours" | "days"]> = {
  acknowledgeHours: ["Acknowledge", "hours"],
  responseHours: ["Detailed response", "hours"],
  updateDays: ["Keep informed", "days"],
  fixDaysCritical: ["Fix critical", "days"],
  fixDaysHigh: ["Fix high", "days"],
  fixDaysMedium: ["Fix medium", "days"],
  fixDaysLow: ["Fix low", "days"],
};

/**
 * The written policy, and where its words and the clocks above disagree: each duration the text names is
 * proposed as the clock's value, applied with one click (saved with the form).
 */
export function PolicyTextField({
  text,
  error,
  mismatches,
  onText,
  onApply,
}: {
  text: string;
  error?: string;
  mismatches: PolicyMismatch[];
  onText: (text: string) => void;
  onApply: (mismatch: PolicyMismatch) => void;
}) {
  return (
    <div className="space-y-2">
      <Field
        id="policy-text"
        label="Policy text"
        hint="Markdown, shown to everyone at /security. The durations it names are checked against the clocks."
        error={error}
      >
        <textarea
          id="policy-text"
          name="text"
          rows={8}
          value={text}
          onChange={(e) => onText(e.target.value)}
          className={`${inputClass} font-mono text-[12px]`}
          aria-describedby="policy-text-hint policy-text-check"
        />
      </Field>
      <div id="policy-text-check" aria-live="polite">
        {mismatches.length > 0 && (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-[13px] dark:border-amber-800 dark:bg-amber-950">
            <p className="font-medium">The text and the clocks disagree</p>
            <ul className="mt-1 space-y-1">
              {mismatches.map((m) => {
                const [name, unit] = CLOCK_WORDS[m.field];
                return (
                  <li key={m.field} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span>
                      {name}: the text says “{m.phrase}”, the clock {m.clock} {unit}.
                    </span>
                    <button
                      type="button"
                      onClick={() => onApply(m)}
                      className="rounded border border-amber-400 px-2 py-0.5 text-[12px] font-medium hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-amber-700 dark:hover:bg-amber-900"
                    >
                      Use {m.value} {unit}
                      {m.business ? " (business days)" : ""}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
