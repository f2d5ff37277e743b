import { clsx } from "clsx";

/** A form's message when something went wrong, announced to screen readers as it appears. */
export function ErrorText({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <p className={clsx("text-[13px] font-medium text-red-600 dark:text-red-400", className)} role="alert">
      {children}
    </p>
  );
}
