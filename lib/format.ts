// Small display helpers shared by server and client components.

const MINUTE = 60_000;

/** "2 d 4 h", "5 h", "12 min": a span in the two largest units. */
export function formatSpan(ms: number): string {
  // whole minutes, truncated: "1 d 23 h" never rounds up to "1 d 24 h"
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  if (h < 24) {
    const m = minutes % 60;
    return m && h < 10 ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** "3 h ago", "in 2 d" */
export function formatRelative(at: Date | string, now: Date = new Date()): string {
  const ms = new Date(at).getTime() - now.getTime();
  if (Math.abs(ms) < MINUTE) return "just now";
  return ms < 0 ? `${formatSpan(ms)} ago` : `in ${formatSpan(ms)}`;
}

/** "24 Nov 2026, 14:02 UTC" */
export function formatInstant(at: Date | string, timeZone = "UTC"): string {
  const d = new Date(at);
  const text = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone,
  }).format(d);
  return `${text} ${timeZone === "UTC" ? "UTC" : timeZone}`;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[parts.length - 1]![0]! : (parts[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}
