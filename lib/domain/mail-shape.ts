// Whether bytes are plausibly an RFC 822 message: the first line is a header
// field ("Name: value"), or an mbox "From " line, or a folded/Return-Path
// style line a relay prepends. Anything else (an empty body, JSON, a form, a
// binary file) is "not a mail": a permanent failure the mail system should
// bounce, not retry. Unreadable mail that does look like mail is still kept.

const HEADER_LINE = /^[A-Za-z0-9][A-Za-z0-9_.-]*[ \t]*:/;

export function looksLikeMail(bytes: Uint8Array): boolean {
  let start = 0;
  while (start < bytes.length && (bytes[start] === 0x0d || bytes[start] === 0x0a)) start++;
  const head = Buffer.from(bytes.subarray(start, start + 1000)).toString("latin1");
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  return firstLine.startsWith("From ") || HEADER_LINE.test(firstLine);
}
