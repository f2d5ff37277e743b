import type { ButtonVariant } from "./button";
import { buttonClass } from "./button";

/**
 * One button that posts a row's hidden fields to a server action (revoke,
 * disable, delete, retry…): works without JavaScript.
 */
export function ActionForm({
  action,
  fields,
  variant = "ghost",
  children,
  className,
}: {
  action: (form: FormData) => Promise<void>;
  fields: Record<string, string>;
  variant?: ButtonVariant;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <form action={action} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={buttonClass(variant, "sm")}>
        {children}
      </button>
    </form>
  );
}
