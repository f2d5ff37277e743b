// IMAP_URL names the mailbox the IMAP intake reads: imaps://user:pass@host:993/INBOX
// (TLS from the first byte), or imap://… for a server on the same machine or
// network (STARTTLS when the server offers it). User, password and folder are
// percent-decoded, so a password may hold any character (%40 for @, %2F for /).

export interface ImapTarget {
  secure: boolean;
  host: string;
  port: number;
  user: string;
  pass: string;
  /** the folder read, INBOX when the URL names none */
  mailbox: string;
}

export function parseImapUrl(text: string): ImapTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error("IMAP_URL is not a URL: use imaps://user:password@host:993/INBOX");
  }
  if (url.protocol !== "imap:" && url.protocol !== "imaps:")
    throw new Error("IMAP_URL must start with imaps:// (or imap:// for a local server)");
  const secure = url.protocol === "imaps:";
  if (!url.hostname) throw new Error("IMAP_URL names no host");
  if (!url.username) throw new Error("IMAP_URL names no user: imaps://user:password@host/INBOX");
  const folder = decodeURIComponent(url.pathname.replace(/^\/+/, "").replace(/\/+$/, ""));
  return {
    secure,
    // IPv6 literals come with brackets from URL; sockets want them bare
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    user: decodeURIComponent(url.username),
    pass: decodeURIComponent(url.password),
    mailbox: folder || "INBOX",
  };
}

/** The mailbox as people name it (user@host/folder), without the password: safe to log and to show. */
export function describeImapTarget(t: ImapTarget): string {
  return `${t.user}@${t.host.includes(":") ? `[${t.host}]` : t.host}:${t.port}/${t.mailbox}`;
}

/** Wait before reconnect attempt n (1-based): 2 s doubling, at most 5 minutes. */
export const reconnectDelayMs = (attempt: number, baseMs = 2_000) =>
  Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 300_000);
