export const CREDIT_CHOICES = [
  ["NAME", "Credit me by name"],
  ["ANONYMOUS", "Credit me anonymously"],
  ["NONE", "No credit"],
] as const;

export type CreditPreference = (typeof CREDIT_CHOICES)[number][0];

/** The reporter's credit preference as radio buttons (the intake form and the status page). */
export function CreditChoices({
  name,
  value,
  className,
}: {
  name: string;
  value: CreditPreference;
  className?: string;
}) {
  return (
    <div className={className}>
      {CREDIT_CHOICES.map(([choice, label]) => (
        <label key={choice} className="inline-flex items-center gap-2">
          <input
            type="radio"
            name={name}
            value={choice}
            defaultChecked={value === choice}
            className="accent-accent-600"
          />
          {label}
        </label>
      ))}
    </div>
  );
}
