import { z } from "zod";

import { scoreCvss } from "./cvss";
import type { AffectedRange } from "./matrix";
import type { Severity } from "./workflow";

// OSV records (https://ossf.github.io/osv-schema/): the subset Embargo reads
// on import, validated with zod, and the record it writes on export.

const event = z.union([
  z.object({ introduced: z.string().min(1) }).strict(),
  z.object({ fixed: z.string().min(1) }).strict(),
  z.object({ last_affected: z.string().min(1) }).strict(),
  z.object({ limit: z.string().min(1) }).strict(),
]);

export const osvRecord = z.object({
  schema_version: z.string().optional(),
  id: z.string().min(1, "An OSV record needs an id"),
  modified: z.iso.datetime({ offset: true, message: "modified must be an RFC 3339 time" }),
  published: z.iso.datetime({ offset: true }).optional(),
  withdrawn: z.iso.datetime({ offset: true }).optional(),
  aliases: z.array(z.string()).optional(),
  related: z.array(z.string()).optional(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(z.object({ type: z.string(), score: z.string() })).optional(),
  affected: z
    .array(
      z.object({
        package: z.object({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().optional() }).optional(),
        severity: z.array(z.object({ type: z.string(), score: z.string() })).optional(),
        ranges: z.array(z.object({ type: z.enum(["SEMVER", "ECOSYSTEM", "GIT"]), repo: z.string().optional(), events: z.array(event).min(1) })).optional(),
        versions: z.array(z.string()).optional(),
        database_specific: z.record(z.string(), z.unknown()).optional(),
        ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
  references: z.array(z.object({ type: z.string(), url: z.string() })).optional(),
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
    advisoryUrl: record.references?.find((r) => r.type === "ADVISORY")?.url ?? null,
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
  /** fixed versions set by hand on lines (overrides), added as fixed events */
  extraFixed: Record<string, string[]>;
};

/**
 * Our ranges → OSV SEMVER ranges. Ranges that end in a fix share one range (its
 * events read as one timeline), with the fixed versions set by hand on lines
 * added to it; a range that ends in last_affected stands alone, since OSV does
 * not let one range hold both kinds of end.
 */
export function osvRanges(ranges: AffectedRange[], handSet: string[]): { type: "SEMVER"; events: Record<string, string>[] }[] {
  const fixing = ranges.filter((r) => !r.last_affected);
  const events: Record<string, string>[] = [];
  for (const r of fixing) {
    events.push({ introduced: r.introduced });
    if (r.fixed) events.push({ fixed: r.fixed });
  }
  const known = new Set(fixing.map((r) => r.fixed));
  if (fixing.length) for (const v of new Set(handSet)) if (!known.has(v)) events.push({ fixed: v });
  return [
    ...(events.length ? [{ type: "SEMVER" as const, events }] : []),
    ...ranges.filter((r) => r.last_affected).map((r) => ({ type: "SEMVER" as const, events: [{ introduced: r.introduced }, { last_affected: r.last_affected! }] as Record<string, string>[] })),
  ];
}

/** Fixed versions set by hand that no range can carry (every range ends in last_affected). */
function unplaced(ranges: AffectedRange[], handSet: string[]): string[] {
  return ranges.some((r) => !r.last_affected) ? [] : [...new Set(handSet)];
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
      const handSet = input.extraFixed[p.name] ?? [];
      const leftOver = unplaced(p.ranges, handSet);
      return {
        package: { ecosystem: p.ecosystem, name: p.name },
        ranges: osvRanges(p.ranges, handSet),
        ...(leftOver.length ? { database_specific: { fixed_by_hand: leftOver } } : {}),
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
