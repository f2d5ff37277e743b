// /.well-known/security.txt (RFC 9116), built from the instance's settings.

export type SecurityTxtInput = {
  /** the public base URL, without a trailing slash */
  appUrl: string;
  /** the security mailbox, when there is one */
  address: string | null;
  /** comma-separated language tags, e.g. "en, de" */
  preferredLanguages: string;
  /** where the team's public key is published (https://, or an openpgp4fpr: or dns: URI) */
  encryption: string | null;
  now: Date;
};

/** How far ahead Expires is set, counted from the start of today (UTC): well under RFC 9116's one-year advice. */
export const EXPIRES_DAYS = 180;

const DAY = 86_400_000;

/** The Expires instant: renewed on every request, stable through a day so caches agree. */
export function securityTxtExpires(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY) * DAY + EXPIRES_DAYS * DAY);
}

/** A web URI a security.txt may list: RFC 9116 requires https:// for each (Contact, Policy, Canonical, Encryption). */
const isHttps = (url: string) => url.startsWith("https://");

/**
 * The file's text, or null when no contact can be listed (no mailbox and no https:// address for the form):
 * a security.txt without a Contact is invalid, so none is served.
 */
export function securityTxt(input: SecurityTxtInput): string | null {
  const { appUrl, address, now } = input;
  const https = isHttps(appUrl);
  const contacts = [...(address ? [`mailto:${address}`] : []), ...(https ? [`${appUrl}/report`] : [])];
  if (contacts.length === 0) return null;
  const lines = [
    `# Security contact for ${appUrl.replace(/^https?:\/\//, "")}, per RFC 9116.`,
    ...contacts.map((c) => `Contact: ${c}`),
    `Expires: ${securityTxtExpires(now)
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z")}`,
  ];
  if (input.encryption && (isHttps(input.encryption) || /^(openpgp4fpr|dns):/i.test(input.encryption)))
    lines.push(`Encryption: ${input.encryption}`);
  const languages = languageTags(input.preferredLanguages);
  if (languages.length > 0) lines.push(`Preferred-Languages: ${languages.join(", ")}`);
  if (https) {
    lines.push(`Policy: ${appUrl}/security`, `Canonical: ${appUrl}/.well-known/security.txt`);
  } else {
    // RFC 9116 allows only https:// web addresses: say where the policy is without listing it as a field
    lines.push(`# The policy is at ${appUrl}/security; set APP_URL to an https:// address to list it here.`);
  }
  return lines.join("\n") + "\n";
}

/** The language tags of a comma-separated list (RFC 5646 shape), without blanks or repeats. */
export function languageTags(list: string): string[] {
  const tags = list
    .split(",")
    .map((t) => t.trim())
    .filter((t) => /^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$/.test(t));
  return [...new Set(tags)];
}
