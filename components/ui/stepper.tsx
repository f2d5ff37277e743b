import { clsx } from "clsx";
import { Check } from "lucide-react";

/** A horizontal workflow stepper; the current step is announced. */
export function Stepper({
  steps,
  current,
  closedLabel,
}: {
  steps: { id: string; label: string }[];
  current: number;
  closedLabel?: string;
}) {
  return (
    <ol className="flex flex-wrap items-center gap-x-1 gap-y-2" aria-label="Progress">
      {steps.map((step, i) => {
        const done = i < current;
        const active = i === current && !closedLabel;
        return (
          <li key={step.id} className="flex items-center gap-1" aria-current={active ? "step" : undefined}>
            <span
              className={clsx(
                "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-[12px] font-medium",
                done && "text-emerald-700 dark:text-emerald-400",
                active && "bg-accent-600 text-white",
                !done && !active && "text-zinc-400 dark:text-zinc-500",
              )}
            >
              {done ? <Check className="size-3.5" aria-hidden="true" /> : null}
              {step.label}
              {done ? <span className="sr-only"> (done)</span> : null}
            </span>
            {i < steps.length - 1 ? (
              <span aria-hidden="true" className="h-px w-3 bg-zinc-300 dark:bg-zinc-700" />
            ) : null}
          </li>
        );
      })}
      {closedLabel ? (
        <li
          className="ml-2 rounded-full bg-zinc-800 px-2 py-0.5 text-[12px] font-medium text-white dark:bg-zinc-200 dark:text-zinc-900"
          aria-current="step"
        >
          {closedLabel}
        </li>
      ) : null}
    </ol>
  );
}
