import semver from "semver";
import { z } from "zod";

import { scoreCvss } from "./cvss";
import type { AffectedRange } from "./matrix";
import { rangeOf } from "./matrix";
import type { Severity } from "./workflow";

// OSV records (https://ossf.github.io/osv-schema/): the subset Embargo reads
// on import, validated with zod, and the record it writes on export.

// the JSON Schema has already checked that each event holds exactly one of these
const event = z.union([
  z.object({ introduced: z.string().min(1) }),
  z.object({ fixed: z.string().min(1) }),
  z.object({ last_affected: z.string().min(1) }),
  z.object({ limit: z.string().min(1) }),
]);

export const osvRecord = z.object({
  schema_version: z.string().optional(),
  id: z.string().min(1, "An OSV record needs an id"),
  modified: z.iso.datetime({ offset: true, message: "modified must be an RFC 3339 time" }),
  published: z.iso.datetime({ offset: true }).optional(),
  withdrawn: z.iso.datetime({ offset: true }).optional(),
  aliases: z.array(z.string()).nullish(),
  related: z.array(z.string()).optional(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(z.object({ type: z.string(), score: z.string() })).nullish(),
  affected: z
    .array(
      z.object({
        package: z
          .object({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().optional() })
          .optional(),
        severity: z.array(z.object({ type: z.string(), score: z.string() })).nullish(),
        ranges: z
          .array(
            z.object({
              type: z.enum(["SEMVER", "ECOSYSTEM", "GIT"]),
              repo: z.string().optional(),
              events: z.array(event).min(1),
            }),
          )
          .optional(),
        versions: z.array(z.string()).optional(),
        database_specific: z.record(z.string(), z.unknown()).optional(),
        ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .nullish(),
  references: z.array(z.object({ type: z.string(), url: z.string() })).nullish(),
  credits: z
    .array(z.object({ name: z.string(), contact: z.array(z.string()).optional(), type: z.string().optional() }))
    .optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});
export type OsvRecord = z.infer<typeof osvRecord>;

export type ImportedAdvisory = {
  id: string;
  aliases: string[];
  title: string;
  body: string;
  cvssVector: string | null;
  severity: Severity | null;
  cweIds: string[];
  cveId: string | null;
  ghsaId: string | null;
  advisoryUrl: string | null;
  credits: { name: string; type: string | null }[];
  packages: { name: string; ecosystem: string; ranges: AffectedRange[] }[];
  published: string | null;
};

/** OSV range events → our ranges (introduced up to fixed / last_affected). */
export function rangesFromOsvEvents(events: z.infer<typeof event>[]): AffectedRange[] {
  const ranges: AffectedRange[] = [];
  for (const e of events) {
    if ("introduced" in e) ranges.push({ introduced: e.introduced });
    else if ("fixed" in e && ranges.length && !ranges.at(-1)!.fixed && !ranges.at(-1)!.last_affected)
      ranges.at(-1)!.fixed = e.fixed;
    else if ("last_affected" in e && ranges.length && !ranges.at(-1)!.fixed && !ranges.at(-1)!.last_affected)
      ranges.at(-1)!.last_affected = e.last_affected;
  }
  return ranges;
}

const GHSA_SEVERITY: Record<string, Severity> = {
  LOW: "LOW",
  MODERATE: "MEDIUM",
  MEDIUM: "MEDIUM",
  HIGH: "HIGH",
  CRITICAL: "CRITICAL",
};

export function fromOsv(record: OsvRecord): ImportedAdvisory {
  const ids = [record.id, ...(record.aliases ?? [])];
  const vectors = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])].map(
    (s) => s.score,
  );
  const scored = vectors.map(scoreCvss).find((r) => r.ok);
  const dbSeverity =
    typeof record.database_specific?.severity === "string"
      ? GHSA_SEVERITY[record.database_specific.severity.toUpperCase()]
      : undefined;
  const cwe = Array.isArray(record.database_specific?.cwe_ids)
    ? (record.database_specific.cwe_ids as unknown[]).filter(
        (c): c is string => typeof c === "string" && /^CWE-\d+$/.test(c),
      )
    : [];
  const packages = new Map<string, { name: string; ecosystem: string; ranges: AffectedRange[] }>();
  for (const a of record.affected ?? []) {
    if (!a.package) continue;
    const entry = packages.get(a.package.name) ?? { name: a.package.name, ecosystem: a.package.ecosystem, ranges: [] };
    for (const r of a.ranges ?? []) if (r.type !== "GIT") entry.ranges.push(...rangesFromOsvEvents(r.events));
    packages.set(a.package.name, entry);
  }
  return {
    id: record.id,
    aliases: [...new Set(record.aliases ?? [])],
    title: (record.summary?.trim() || record.id).slice(0, 200),
    body: record.details?.trim() || record.summary?.trim() || `Imported from ${record.id}.`,
    cvssVector: scored?.ok ? scored.vector : null,
    severity: scored?.ok ? scored.severity : (dbSeverity ?? null),
    cweIds: cwe,
    cveId: ids.find((i) => /^CVE-\d{4}-\d{4,}$/.test(i)) ?? null,
    ghsaId: ids.find((i) => /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/.test(i)) ?? null,
    // only web links: the advisory URL becomes a link on the team's and the reporter's pages
    advisoryUrl: record.references?.find((r) => r.type === "ADVISORY" && /^https?:\/\//i.test(r.url))?.url ?? null,
    credits: (record.credits ?? []).map((c) => ({ name: c.name, type: c.type ?? null })),
    packages: [...packages.values()],
    published: record.published ?? null,
  };
}

export type ExportInput = {
  id: string;
  aliases: string[];
  title: string;
  body: string;
  modified: Date;
  published: Date | null;
  cvssVector: string | null;
  severity: Severity | null;
  cweIds: string[];
  advisoryUrl: string | null;
  credit: { name: string; type: "FINDER" } | null;
  packages: { name: string; ecosystem: string; ranges: AffectedRange[] }[];
  /** fixed versions set by hand on release lines (overrides), per package */
  handFixes: Record<string, HandFix[]>;
};

/** A fixed version a handler set on one release line (a cell override), with that line's semver range. */
export type HandFix = { lineRange: string; version: string };

const SEMVER_OPTS = { includePrerelease: true } as const;

/** The smallest version above `v` (what "<=v" excludes from): 4.9.9 → 4.9.10-0, 4.0.0-beta.1 → 4.0.0-beta.1.0. */
function justAbove(v: semver.SemVer): string {
  return v.prerelease.length ? `${v.version}.0` : `${v.major}.${v.minor}.${v.patch + 1}-0`;
}

/** The part of a line's range holding `version`: its first version and the version it stops below (null: no end). */
function linePart(lineRange: string, version: string): { lower: string | null; upper: string | null } | null {
  if (!semver.validRange(lineRange, SEMVER_OPTS)) return null;
  const set = new semver.Range(lineRange, SEMVER_OPTS).set.find((comparators) =>
    comparators.every((c) => c.test(version)),
  );
  if (!set) return null;
  const part = new semver.Range(set.map((c) => c.value).join(" ") || "*", SEMVER_OPTS);
  const ends = set.flatMap((c) =>
    c.operator === "<" ? [c.semver.version] : c.operator === "<=" ? [justAbove(c.semver)] : [],
  );
  const upper = ends.sort(semver.compare)[0] ?? null;
  return { lower: semver.minVersion(part)?.version ?? null, upper };
}

const readable = (r: AffectedRange) =>
  [r.introduced === "0" ? null : r.introduced, r.fixed, r.last_affected].every((v) => v == null || !!semver.valid(v));
/** Does the range reach past `v` (some version ≥ v is in it)? */
const endsAfter = (r: AffectedRange, v: string) =>
  r.fixed ? semver.gt(r.fixed, v) : r.last_affected ? semver.gte(r.last_affected, v) : true;
/** Does the range start below `v`? */
const startsBefore = (r: AffectedRange, v: string) => r.introduced === "0" || semver.lt(r.introduced, v);

/** A range without the versions from `from` (included) up to `upto` (excluded; null: no end). */
function without(r: AffectedRange, from: string, upto: string | null): AffectedRange[] {
  if (!readable(r) || !endsAfter(r, from) || (upto && !startsBefore(r, upto))) return [r];
  const end = r.fixed ? { fixed: r.fixed } : r.last_affected ? { last_affected: r.last_affected } : {};
  const below = startsBefore(r, from) ? [{ introduced: r.introduced, fixed: from }] : [];
  const above =
    upto && endsAfter(r, upto)
      ? [{ introduced: r.introduced !== "0" && semver.gt(r.introduced, upto) ? r.introduced : upto, ...end }]
      : [];
  return [...below, ...above];
}

/**
 * The ranges an export states: the report's own, with the handlers' word on
 * each line applied. A fix v set by hand on a line takes the versions of that
 * line from v up out of every range (the range ends at v and resumes above the
 * line); on a line no range reaches at all, it states the line affected from
 * its first version up to v. Versions outside the line are never changed.
 */
export function exportRanges(ranges: AffectedRange[], handFixes: HandFix[]): AffectedRange[] {
  let segments = ranges.map((r) => ({ ...r }));
  const extra: AffectedRange[] = [];
  for (const fix of handFixes) {
    const version = semver.valid(fix.version);
    const part = version ? linePart(fix.lineRange, version) : null;
    if (!version || !part) continue;
    const reached = ranges.some((r) => readable(r) && semver.intersects(rangeOf(r), fix.lineRange, SEMVER_OPTS));
    if (!reached) {
      if (part.lower && semver.lt(part.lower, version)) extra.push({ introduced: part.lower, fixed: version });
      continue;
    }
    segments = segments.flatMap((r) => without(r, version, part.upper));
  }
  return [...segments, ...extra];
}

/**
 * Our ranges → OSV SEMVER ranges, one each: OSV reads the events of one range
 * as a single timeline, so overlapping ranges merged into one would end each
 * other early, and fixed and last_affected may not share a range.
 */
export function osvRanges(
  ranges: AffectedRange[],
  handFixes: HandFix[],
): { type: "SEMVER"; events: Record<string, string>[] }[] {
  const seen = new Set<string>();
  return exportRanges(ranges, handFixes).flatMap((r) => {
    const events: Record<string, string>[] = [
      { introduced: r.introduced },
      ...(r.fixed ? [{ fixed: r.fixed }] : r.last_affected ? [{ last_affected: r.last_affected }] : []),
    ];
    const id = JSON.stringify(events);
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ type: "SEMVER" as const, events }];
  });
}

export function toOsv(input: ExportInput) {
  const severity = input.cvssVector
    ? [{ type: input.cvssVector.startsWith("CVSS:4.0/") ? "CVSS_V4" : "CVSS_V3", score: input.cvssVector }]
    : undefined;
  return {
    schema_version: "1.7.0",
    id: input.id,
    modified: input.modified.toISOString(),
    ...(input.published ? { published: input.published.toISOString() } : {}),
    ...(input.aliases.length ? { aliases: input.aliases } : {}),
    summary: input.title,
    details: input.body,
    ...(severity ? { severity } : {}),
    affected: input.packages.map((p) => {
      return {
        package: { ecosystem: p.ecosystem, name: p.name },
        ranges: osvRanges(p.ranges, input.handFixes[p.name] ?? []),
      };
    }),
    ...(input.advisoryUrl ? { references: [{ type: "ADVISORY", url: input.advisoryUrl }] } : {}),
    ...(input.credit ? { credits: [input.credit] } : {}),
    database_specific: {
      ...(input.cweIds.length ? { cwe_ids: input.cweIds } : {}),
      ...(input.severity ? { severity: input.severity === "MEDIUM" ? "MODERATE" : input.severity } : {}),
    },
  };
}
