import type { SlaPolicy } from "./sla";

// The security policy is written twice: as words for people ("we acknowledge
// within 48 hours") and as clocks. Reading the durations back out of the words
// lets the settings screen propose clock values, so the two do not drift apart.

export type PolicyNumber = Exclude<keyof SlaPolicy, "calendar">;

export type TextDuration = {
  field: PolicyNumber;
  /** in the field's own unit: hours for acknowledge and response, days for the rest */
  value: number;
  business: boolean;
  /** the words it was read from, for the screen */
  phrase: string;
};

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fourteen: 14,
  thirty: 30,
  ninety: 90,
};

const DURATION = new RegExp(
  String.raw`\b(\d{1,4}|${Object.keys(WORDS).join("|")})[\s-]+(business[\s-]+|working[\s-]+|calendar[\s-]+)?(hours?|days?|weeks?|months?)\b`,
  "gi",
);

// Which clock a sentence speaks of, most specific first: a severity names a fix clock.
const TOPICS: [RegExp, PolicyNumber][] = [
  [/\bcritical\b/i, "fixDaysCritical"],
  [/\bhigh\b/i, "fixDaysHigh"],
  [/\b(medium|moderate)\b/i, "fixDaysMedium"],
  [/\blow\b/i, "fixDaysLow"],
  [/\b(detailed|full|substantive)\s+(response|reply|answer)|\bnext steps\b/i, "responseHours"],
  [/\backnowledg|\bconfirm(s|ing)? receipt\b/i, "acknowledgeHours"],
  [/\b(updates?|informed|progress)\b/i, "updateDays"],
];

const HOUR_FIELDS = new Set<PolicyNumber>(["acknowledgeHours", "responseHours"]);

function hoursOf(amount: number, unit: string): number {
  const u = unit.toLowerCase().replace(/s$/, "");
  if (u === "hour") return amount;
  if (u === "day") return amount * 24;
  if (u === "week") return amount * 24 * 7;
  return amount * 24 * 30;
}

/**
 * The durations a policy text promises, one per clock (the first sentence that names it). A sentence names a
 * clock by its words (acknowledge, detailed response, updates, a severity); a sentence with several durations
 * and several severities pairs them in order ("7 days for critical and 30 days for high").
 */
export function durationsInText(text: string): TextDuration[] {
  const found = new Map<PolicyNumber, TextDuration>();
  const sentences = text.split(/(?<=[.!?;])\s+|\n\s*\n|\n\s*[-*]\s+/);
  for (const sentence of sentences) {
    const durations = [...sentence.matchAll(DURATION)];
    if (durations.length === 0) continue;
    // each duration belongs to the nearest topic word before it (or after it, for "within 48 hours we acknowledge")
    const topics = TOPICS.flatMap(([pattern, field]) => {
      const m = pattern.exec(sentence);
      return m ? [{ field, at: m.index }] : [];
    });
    if (topics.length === 0) continue;
    for (const d of durations) {
      const at = d.index ?? 0;
      const before = topics.filter((t) => t.at <= at).sort((a, b) => b.at - a.at)[0];
      const topic = before ?? topics.sort((a, b) => a.at - b.at)[0];
      if (!topic || found.has(topic.field)) continue;
      const [phrase, number = "", kind = "", unit = ""] = d;
      const raw = number.toLowerCase();
      const amount = WORDS[raw] ?? Number(raw);
      const hours = hoursOf(amount, unit);
      const value = HOUR_FIELDS.has(topic.field) ? hours : Math.ceil(hours / 24);
      if (value < 1) continue;
      found.set(topic.field, { field: topic.field, value, business: /business|working/i.test(kind), phrase });
    }
  }
  return [...found.values()];
}

export type PolicyMismatch = TextDuration & { clock: number };

/** Where the text and the clocks disagree: each duration of the text whose clock holds another number. */
export function textClockMismatches(text: string, policy: Pick<SlaPolicy, PolicyNumber>): PolicyMismatch[] {
  return durationsInText(text)
    .filter((d) => policy[d.field] !== d.value)
    .map((d) => ({ ...d, clock: policy[d.field] }));
}
