// Time spans for SLA clocks. Calendar mode counts every hour (the policy's
// "48 hours"); business mode counts only the hours of business days —
// Monday to Friday, minus listed holidays — in the policy's time zone, so
// day boundaries follow that zone's daylight-saving changes.

export type SlaCalendar = { mode: "CALENDAR" | "BUSINESS"; timeZone: string; holidays: readonly string[] };

export const CALENDAR_HOURS: SlaCalendar = { mode: "CALENDAR", timeZone: "UTC", holidays: [] };

const HOUR = 3_600_000;
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(timeZone, f);
  }
  return f.format(at);
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormats.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(at)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

/** The instant a local calendar date begins in a zone. */
export function startOfDay(date: string, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`);
  let at = guess - offsetAt(guess, timeZone);
  // the offset at local midnight may differ from the one at UTC midnight (DST)
  at = guess - offsetAt(at, timeZone);
  return at;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
}

export function isBusinessDay(date: string, cal: SlaCalendar): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !cal.holidays.includes(date);
}

/** The instant `hours` countable hours after `start`. */
export function addHours(start: Date, hours: number, cal: SlaCalendar): Date {
  if (cal.mode === "CALENDAR") return new Date(start.getTime() + hours * HOUR);
  let remaining = hours * HOUR;
  let cursor = start.getTime();
  for (let guard = 0; guard < 20_000; guard++) {
    const day = localDate(new Date(cursor), cal.timeZone);
    const dayEnd = startOfDay(nextDate(day), cal.timeZone);
    if (isBusinessDay(day, cal)) {
      const available = dayEnd - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    cursor = dayEnd;
  }
  throw new Error("No business days found: check the holiday list");
}

/** Countable milliseconds from a to b (negative when b is before a). */
export function countableBetween(a: Date, b: Date, cal: SlaCalendar): number {
  if (cal.mode === "CALENDAR") return b.getTime() - a.getTime();
  if (b < a) return -countableBetween(b, a, cal);
  let total = 0;
  let cursor = a.getTime();
  const end = b.getTime();
  for (let guard = 0; cursor < end && guard < 20_000; guard++) {
    const day = localDate(new Date(cursor), cal.timeZone);
    const dayEnd = Math.min(startOfDay(nextDate(day), cal.timeZone), end);
    if (isBusinessDay(day, cal)) total += dayEnd - cursor;
    cursor = dayEnd;
  }
  return total;
}
