import semver from "semver";

import type { LineStatus } from "./matrix";

// Suggests release lines from a package's npm registry document: one line
// per major version (with its latest stable release), pre-release lines for
// majors that have no stable release yet, and maintained / end-of-life by
// recency. The admin confirms or edits before anything is saved.

export type Packument = {
  "dist-tags"?: Record<string, string>;
  versions?: Record<string, unknown>;
  time?: Record<string, string>;
};
export type SuggestedLine = { name: string; range: string; latest: string; status: LineStatus };

/** A previous major counts as maintained while it had a release in this many days. */
export const MAINTAINED_WINDOW_DAYS = 540;
/** End-of-life lines suggested at most (older ones add noise). */
export const MAX_EOL_LINES = 3;

export function suggestLines(doc: Packument, now: Date): SuggestedLine[] {
  const versions = Object.keys(doc.versions ?? {}).filter((v) => semver.valid(v));
  if (!versions.length) return [];
  const tagged = doc["dist-tags"]?.latest;
  const stable = versions.filter((v) => !semver.prerelease(v));
  const latest = tagged && semver.valid(tagged) ? tagged : stable.sort(semver.rcompare)[0];
  const latestMajor = latest ? semver.major(latest) : -1;
  const majors = [...new Set(versions.map((v) => semver.major(v)))].sort((a, b) => b - a);
  const released = (v: string) => Date.parse(doc.time?.[v] ?? "");
  const out: SuggestedLine[] = [];
  let eol = 0;
  for (const major of majors) {
    const inMajor = versions.filter((v) => semver.major(v) === major);
    const stableInMajor = inMajor.filter((v) => !semver.prerelease(v)).sort(semver.rcompare);
    const next = `${major + 1}.0.0-0`;
    if (!stableInMajor.length) {
      if (major > latestMajor)
        out.push({
          name: `${major}.x`,
          range: `>=${major}.0.0-0 <${next}`,
          latest: inMajor.sort(semver.rcompare)[0]!,
          status: "PRERELEASE",
        });
      continue;
    }
    const newest = stableInMajor[0]!;
    let status: LineStatus = "EOL";
    if (major >= latestMajor) status = "MAINTAINED";
    else if (major === latestMajor - 1 && now.getTime() - released(newest) < MAINTAINED_WINDOW_DAYS * 86_400_000)
      status = "MAINTAINED";
    if (status === "EOL" && ++eol > MAX_EOL_LINES) continue;
    out.push({ name: `${major}.x`, range: `>=${major}.0.0 <${next}`, latest: newest, status });
  }
  const order = { MAINTAINED: 0, PRERELEASE: 1, EOL: 2 } as const;
  return out.sort((a, b) => order[a.status] - order[b.status] || semver.rcompare(a.latest, b.latest));
}
