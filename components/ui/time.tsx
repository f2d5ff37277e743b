import { formatInstant, formatRelative } from "@/lib/format";

/** A relative time with the exact instant on hover. Rendered on the server. */
export function RelativeTime({ at, now, timeZone }: { at: Date | string; now?: Date; timeZone?: string }) {
  const iso = new Date(at).toISOString();
  return (
    <time dateTime={iso} title={formatInstant(iso, timeZone)} className="tabular">
      {formatRelative(iso, now)}
    </time>
  );
}
