// Attachments: the rules that need no I/O. How a file name travels in a
// download header, which files may be previewed as text, and what an upload
// may hold.

import { DOWNLOAD_CSP } from "@/lib/status-headers";
/** At most this many files per upload (a report, or one reply). */
export const MAX_UPLOAD_FILES = 10;

/**
 * The largest multipart body a route reads: the most files at the largest
 * size each, plus room for the text fields (a 256 KB description) and the
 * multipart framing. next.config.ts gives Next's own limits (server actions,
 * the proxy's body copy) the same number.
 */
export function multipartLimit(maxFileBytes: number): number {
  return MAX_UPLOAD_FILES * maxFileBytes + 1024 * 1024;
}

/** Text files up to this size may be previewed on the report page. */
export const MAX_PREVIEW_BYTES = 256 * 1024;

/** The name a file keeps: no folders, no control characters, at most 255 characters, never empty. */
export function cleanFilename(name: string | null | undefined): string {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean.slice(0, 255) || "attachment";
}

/** RFC 5987 ext-value: UTF-8, percent-encoding everything that is not an attr-char. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition that always downloads: an ASCII fallback for old
 * clients (anything outside printable ASCII, quotes and backslashes become
 * "_") and the exact name as `filename*`.
 */
export function contentDisposition(name: string): string {
  const clean = cleanFilename(name);
  const ascii = clean.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(clean)}`;
}

/** The headers of a file download (an attachment, a raw mail): saved, never shown, never sniffed, sandboxed. */
export function downloadHeaders(filename: string, size: number, contentType = "application/octet-stream") {
  return {
    "Content-Type": contentType,
    "Content-Disposition": contentDisposition(filename),
    "Content-Length": String(size),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": DOWNLOAD_CSP,
    "Cache-Control": "private, no-store",
  };
}

const TEXT_EXTENSIONS = new Set(
  (
    "txt log patch diff sh bash zsh ps1 bat py rb pl php js mjs cjs ts tsx jsx json md markdown c h cc cpp hpp go rs " +
    "java kt swift cs lua sql yml yaml toml ini cfg conf xml html htm svg css csv tsv env gradle properties eml http"
  ).split(" "),
);

const TEXT_TYPES =
  /^(text\/|application\/(json|xml|x-sh|x-shellscript|x-patch|x-diff|javascript|x-python|x-httpd-php|yaml|x-yaml|toml|sql))/i;

/** Whether a name or a declared type says "text"; the content decides in the end (looksLikeText). */
export function hasTextName(filename: string, contentType: string): boolean {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  return (ext !== undefined && TEXT_EXTENSIONS.has(ext)) || TEXT_TYPES.test(contentType);
}

/**
 * Whether a file may be previewed as escaped text: small enough, named or
 * typed as text, and its bytes are valid UTF-8 without NUL characters (a
 * binary file named `.txt` stays a download).
 */
export function looksLikeText(filename: string, contentType: string, bytes: Uint8Array): boolean {
  if (bytes.byteLength > MAX_PREVIEW_BYTES || !hasTextName(filename, contentType)) return false;
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with an upload, as field errors (none: fine). Each file may
 * be at most `maxBytes`; at most MAX_UPLOAD_FILES files.
 */
export function uploadProblem(files: { name: string; size: number }[], maxBytes: number): string | null {
  if (files.length > MAX_UPLOAD_FILES) return `At most ${MAX_UPLOAD_FILES} files (you chose ${files.length}).`;
  const big = files.filter((f) => f.size > maxBytes);
  if (big.length)
    return `${big.map((f) => cleanFilename(f.name)).join(", ")} ${big.length > 1 ? "are" : "is"} over the ${formatBytes(maxBytes)} limit for one file.`;
  return null;
}

/** A size for people: 812 B, 14.2 kB, 5 MB (binary units, as file managers count them). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["kB", "MB", "GB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v >= 10 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
