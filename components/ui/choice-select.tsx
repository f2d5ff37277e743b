import { SEVERITIES, SEVERITY_LABELS } from "@/lib/domain/workflow";

export type Choice = { value: string; label: string };

/** A native select built from a list of choices, so each screen writes its options once as data. */
export function ChoiceSelect({
  choices,
  ...props
}: React.SelectHTMLAttributes<HTMLSelectElement> & { choices: readonly Choice[] }) {
  return (
    <select {...props}>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** Severities from the most to the least severe, as every severity picker lists them. */
export const SEVERITY_CHOICES: readonly Choice[] = [...SEVERITIES]
  .reverse()
  .map((s) => ({ value: s, label: SEVERITY_LABELS[s] }));
