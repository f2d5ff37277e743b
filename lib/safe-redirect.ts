// Where to go after signing in: only a path on this site, never an open
// redirect. Browsers drop tabs and newlines from URLs and read "\" as "/",
// so those are refused before the path is resolved against a dummy origin.
export function safeCallback(value: string | undefined | null, fallback = "/board"): string {
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\\]/.test(value)) return fallback;
  const base = "http://embargo.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  return url.origin === base ? url.pathname + url.search + url.hash : fallback;
}
