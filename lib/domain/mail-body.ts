// Whether an e-mail carries the report itself. The policy asks for the whole
// report in the body, not only behind a link or an attachment.

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/gi;
const QUOTED = /^\s*>.*$/gm;

/** True when the body is empty, or is only links (and a few words around them). */
export function needsFullReport(body: string): boolean {
  const words =
    body
      .replace(QUOTED, "")
      .replace(URL_PATTERN, " ")
      .match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return words.length < 8;
}

/** The report key a subject or tagged address names: "[SEC-2026-0042]" or "security+SEC-2026-0042@…". */
export function keyInSubject(subject: string): string | null {
  return /\[(SEC-\d{4}-\d{4,})\]/.exec(subject)?.[1] ?? null;
}

export function keyInAddress(address: string): string | null {
  return /\+(SEC-\d{4}-\d{4,})@/i.exec(address)?.[1]?.toUpperCase() ?? null;
}

/** What stands in for a reporter's status link in a stored mail after it was sent, and in the outbox. */
export const REDACTED_STATUS_LINK = "[status link: sent to the reporter, not kept]";

/** A mail's text with every status link (`…/status/<43-character token>`) replaced, for storage and display. */
export function redactStatusLinks(text: string): string {
  return text.replace(/\bhttps?:\/\/\S+?\/status\/[A-Za-z0-9_-]{43}\b/g, REDACTED_STATUS_LINK);
}
