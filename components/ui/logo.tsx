import { clsx } from "clsx";

/** compact: the word only from sm up (still read by screen readers), so the team header fits a phone. */
export function Logo({ className, compact }: { className?: string; compact?: boolean }) {
  return (
    <span className={className}>
      <svg viewBox="0 0 24 24" aria-hidden="true" className="inline-block size-5 align-[-4px] text-accent-600">
        <path
          fill="currentColor"
          d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Zm0 5a2.5 2.5 0 0 1 1 4.8V16h-2v-4.2A2.5 2.5 0 0 1 12 7Z"
        />
      </svg>
      <span className={clsx("ml-1.5 font-semibold tracking-tight", compact && "sr-only sm:not-sr-only")}>Embargo</span>
    </span>
  );
}
