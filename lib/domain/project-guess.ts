// Which project a new report is about, guessed from how it arrived: the
// tagged address it was mailed to (security+express@… when reports go to
// security@…), else a subject, else a body that names exactly one tracked
// package as a whole word. No guess leaves the report Unsorted. Pure, so
// inbound mail and web intake guess the same way.

export type GuessProject = { slug: string; packageName: string | null };

export type GuessInput = {
  /** the addresses the mail went to, in order: To, Cc, Delivered-To (none for the web form) */
  recipients: string[];
  /** INBOUND_ADDRESS, e.g. security@example.org (unset: no address guess) */
  inboundAddress: string | null;
  subject: string;
  body: string;
};

export type GuessSource = "address" | "subject" | "body";
export type ProjectGuess = { slug: string; from: GuessSource };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The project a tagged recipient names (security+<slug>@domain), when exactly one does. */
function fromAddress(input: GuessInput, projects: GuessProject[]): string | null {
  const at = input.inboundAddress?.lastIndexOf("@") ?? -1;
  if (!input.inboundAddress || at < 1) return null;
  const local = input.inboundAddress.slice(0, at).toLowerCase();
  const domain = input.inboundAddress.slice(at + 1).toLowerCase();
  const found = new Set<string>();
  for (const address of input.recipients) {
    const a = address.trim().toLowerCase();
    const i = a.lastIndexOf("@");
    if (i < 1 || a.slice(i + 1) !== domain || !a.startsWith(`${local}+`)) continue;
    const tag = a.slice(local.length + 1, i);
    const project = projects.find((p) => p.slug.toLowerCase() === tag);
    if (project) found.add(project.slug);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** Whether `text` names `name` as a whole word: not inside a longer name (letters, digits, "-", "_", "@", "/", ".x"). */
export function namesWord(text: string, name: string): boolean {
  if (!name) return false;
  const pattern = new RegExp(`(?<![\\w@/.-])${escape(name)}(?![\\w@/-]|\\.\\w)`, "i");
  return pattern.test(text);
}

/** The projects a text names by package name or slug. */
function named(text: string, projects: GuessProject[]): string[] {
  return projects.filter((p) => [p.packageName, p.slug].some((n) => !!n && namesWord(text, n))).map((p) => p.slug);
}

/** The guessed project and where it was read from, or null (no project, or more than one named). */
export function guessProject(input: GuessInput, projects: GuessProject[]): ProjectGuess | null {
  if (!projects.length) return null;
  const byAddress = fromAddress(input, projects);
  if (byAddress) return { slug: byAddress, from: "address" };
  const inSubject = named(input.subject, projects);
  if (inSubject.length === 1) return { slug: inSubject[0]!, from: "subject" };
  if (inSubject.length > 1) return null;
  const inBody = named(input.body, projects);
  return inBody.length === 1 ? { slug: inBody[0]!, from: "body" } : null;
}

export const GUESS_SOURCE_TEXT: Record<GuessSource, string> = {
  address: "the address it was sent to",
  subject: "the subject",
  body: "the report's text",
};
