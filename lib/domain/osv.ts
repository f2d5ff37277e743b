import semver from "semver";
import { z } from "zod";

import { scoreCvss } from "./cvss";
import type { AffectedRange } from "./matrix";
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
        package: z.object({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().optional() }).optional(),
        severity: z.array(z.object({ type: z.string(), score: z.string() })).nullish(),
        ranges: z.array(z.object({ type: z.enum(["SEMVER", "ECOSYSTEM", "GIT"]), repo: z.string().optional(), events: z.array(event).min(1) })).optional(),
        versions: z.array(z.string()).optional(),
        database_specific: z.record(z.string(), z.unknown()).optional(),
        ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .nullish(),
  references: z.array(z.object({ type: z.string(), url: z.string() })).nullish(),
  credits: z.array(z.object({ name: z.string(), contact: z.array(z.string()).optional(), type: z.string().optional() })).optional(),
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
    else if ("fixed" in e && ranges.length && !ranges.at(-1)!.fixed && !ranges.at(-1)!.last_affected) ranges.at(-1)!.fixed = e.fixed;
    else if ("last_affected" in e && ranges.length && !ranges.at(-1)!.fixed && !ranges.at(-1)!.last_affected) ranges.at(-1)!.last_affected = e.last_affected;
  }
  return ranges;
}

const GHSA_SEVERITY: Record<string, Severity> = { LOW: "LOW", MODERATE: "MEDIUM", MEDIUM: "MEDIUM", HIGH: "HIGH", CRITICAL: "CRITICAL" };

export function fromOsv(record: OsvRecord): ImportedAdvisory {
  const ids = [record.id, ...(record.aliases ?? [])];
  const vectors = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])].map((s) => s.score);
  const scored = vectors.map(scoreCvss).find((r) => r.ok);
  const dbSeverity = typeof record.database_specific?.severity === "string" ? GHSA_SEVERITY[record.database_specific.severity.toUpperCase()] : undefined;
  const cwe = Array.isArray(record.database_specific?.cwe_ids) ? (record.database_specific.cwe_ids as unknown[]).filter((c): c is string => typeof c === "string" && /^CWE-\d+$/.test(c)) : [];
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

/** The first version a line admits and the version its range stops below (`<5.0.0-0` → 5.0.0-0), when that is plain. */
function lineBounds(lineRange: string): { lower: string | null; upper: string | null } {
  const range = new semver.Range(lineRange, SEMVER_OPTS);
  const lower = semver.minVersion(range)?.version ?? null;
  const upper = range.set.length === 1 ? (range.set[0]!.find((c) => c.operator === "<")?.semver.version ?? null) : null;
  return { lower, upper };
}

function covers(r: AffectedRange, version: string): boolean {
  // ranges imported from other ecosystems may hold versions semver cannot read: they are carried as they are
  if (!semver.valid(version) || (r.introduced !== "0" && !semver.valid(r.introduced)) || (r.fixed && !semver.valid(r.fixed)) || (r.last_affected && !semver.valid(r.last_affected))) return false;
  const from = r.introduced === "0" || semver.gte(version, r.introduced);
  const until = r.fixed ? semver.lt(version, r.fixed) : r.last_affected ? semver.lte(version, r.last_affected) : true;
  return from && until;
}

/**
 * The ranges an export states: the report's own, cut where a handler set a
 * fixed version on a line. A hand fix v on a line inside range R ends R at v
 * and R resumes where the line ends (the next line is still as R says); a hand
 * fix on a line no range covers states that line affected from its start to v.
 */
export function exportRanges(ranges: AffectedRange[], handFixes: HandFix[]): AffectedRange[] {
  let segments = ranges.map((r) => ({ ...r }));
  const extra: AffectedRange[] = [];
  const known = new Set(ranges.map((r) => r.fixed).filter(Boolean));
  const fixes = handFixes.filter((f) => semver.valid(f.version) && !known.has(f.version)).sort((a, b) => semver.compare(a.version, b.version));
  for (const fix of fixes) {
    const { lower, upper } = semver.validRange(fix.lineRange, SEMVER_OPTS) ? lineBounds(fix.lineRange) : { lower: null, upper: null };
    if (!segments.some((r) => covers(r, fix.version))) {
      if (lower && semver.lt(lower, fix.version)) extra.push({ introduced: lower, fixed: fix.version });
      continue;
    }
    segments = segments.flatMap((r) => {
      if (!covers(r, fix.version)) return [r];
      const end = r.fixed ? { fixed: r.fixed } : r.last_affected ? { last_affected: r.last_affected } : {};
      const before = r.introduced !== "0" && semver.eq(r.introduced, fix.version) ? [] : [{ introduced: r.introduced, fixed: fix.version }];
      const after = upper && semver.gt(upper, fix.version) && covers(r, upper) ? [{ introduced: upper, ...end }] : [];
      return [...before, ...after];
    });
  }
  return [...segments, ...extra];
}

/**
 * Our ranges → OSV SEMVER ranges, one each: OSV reads the events of one range
 * as a single timeline, so overlapping ranges merged into one would end each
 * other early, and fixed and last_affected may not share a range.
 */
export function osvRanges(ranges: AffectedRange[], handFixes: HandFix[]): { type: "SEMVER"; events: Record<string, string>[] }[] {
  const seen = new Set<string>();
  return exportRanges(ranges, handFixes).flatMap((r) => {
    const events: Record<string, string>[] = [{ introduced: r.introduced }, ...(r.fixed ? [{ fixed: r.fixed }] : r.last_affected ? [{ last_affected: r.last_affected }] : [])];
    const id = JSON.stringify(events);
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ type: "SEMVER" as const, events }];
  });
}

export function toOsv(input: ExportInput) {
  const severity = input.cvssVector ? [{ type: input.cvssVector.startsWith("CVSS:4.0/") ? "CVSS_V4" : "CVSS_V3", score: input.cvssVector }] : undefined;
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
      return { package: { ecosystem: p.ecosystem, name: p.name }, ranges: osvRanges(p.ranges, input.handFixes[p.name] ?? []) };
    }),
    ...(input.advisoryUrl ? { references: [{ type: "ADVISORY", url: input.advisoryUrl }] } : {}),
    ...(input.credit ? { credits: [input.credit] } : {}),
    database_specific: {
      ...(input.cweIds.length ? { cwe_ids: input.cweIds } : {}),
      ...(input.severity ? { severity: input.severity === "MEDIUM" ? "MODERATE" : input.severity } : {}),
    },
  };
}
