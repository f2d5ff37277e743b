// Text from the outside (mail headers, bodies, file names) made storable by
// PostgreSQL: a text value may hold neither NUL nor invalid UTF-8. A decoded
// header such as `=?UTF-8?B?AA==?=` yields a NUL, and a JavaScript string may
// hold a lone surrogate that has no UTF-8 form. Both become U+FFFD, so the
// text is kept (and visibly marked) instead of the write failing.

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const REPLACEMENT = "\uFFFD";

/** The text with every NUL and lone surrogate replaced by U+FFFD. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, REPLACEMENT);
}

/** Bytes read as UTF-8 into storable text (invalid sequences and NULs become U+FFFD). */
export function storableUtf8(bytes: Uint8Array): string {
  return storableText(new TextDecoder("utf-8", { fatal: false }).decode(bytes));
}

/**
 * Every string reachable from a value, made storable in place (arrays, plain objects, Maps; bytes are left
 * alone). Used on a parsed mail, whose strings sit in many places (headers, addresses, attachment names).
 */
export function makeStorable<T>(value: T, seen = new Set<object>()): T {
  if (typeof value === "string") return storableText(value) as T;
  if (value === null || typeof value !== "object" || seen.has(value)) return value;
  if (ArrayBuffer.isView(value) || value instanceof Date) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = makeStorable(value[i], seen);
  } else if (value instanceof Map) {
    for (const [k, v] of value) value.set(k, makeStorable(v, seen));
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const next = makeStorable(record[key], seen);
      if (next !== record[key]) record[key] = next;
    }
  }
  return value;
}
