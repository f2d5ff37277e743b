import type { Cell, Line } from "./matrix";
import type { Severity } from "./workflow";

// The CNA container of a CVE JSON 5 record: what a CNA publishes. Versions
// are per release line, with the line's fix as a `changes` entry, so the
// record says exactly which maintained lines are fixed and where.

export type CveInput = {
  title: string;
  description: string;
  vendor: string;
  product: string;
  packageName: string | null;
  repositoryUrl: string | null;
  cweIds: string[];
  cvss: { vector: string; score: number | null; severity: Severity | null } | null;
  advisoryUrl: string | null;
  credit: string | null;
  lines: (Line & Cell)[];
};

const CVSS_SEVERITY: Record<Severity, string> = {
  NONE: "NONE",
  LOW: "LOW",
  MEDIUM: "MEDIUM",
  HIGH: "HIGH",
  CRITICAL: "CRITICAL",
};

/** The lowest version a semver range like ">=4.0.0 <5.0.0-0" starts at. */
function rangeStart(range: string): string {
  return />=\s*(\S+)/.exec(range)?.[1] ?? "0";
}

function rangeEnd(range: string): string | null {
  return /<\s*(\S+)/.exec(range)?.[1] ?? null;
}

export function cveContainer(input: CveInput) {
  const versions = input.lines
    .filter((l) => l.state !== "not_affected" && l.state !== "unknown")
    .map((l) => {
      const end = rangeEnd(l.range);
      const entry: Record<string, unknown> = {
        version: rangeStart(l.range),
        ...(end ? { lessThan: end } : {}),
        status: "affected",
        versionType: "semver",
      };
      if ((l.state === "fixed" || l.state === "fix_pending") && l.version)
        entry.changes = [{ at: l.version, status: "unaffected" }];
      return entry;
    });
  return {
    containers: {
      cna: {
        title: input.title,
        descriptions: [{ lang: "en", value: input.description }],
        affected: [
          {
            vendor: input.vendor,
            product: input.product,
            ...(input.packageName ? { packageName: input.packageName, collectionURL: "https://www.npmjs.com" } : {}),
            ...(input.repositoryUrl ? { repo: input.repositoryUrl } : {}),
            versions,
            defaultStatus: "unaffected",
          },
        ],
        ...(input.cweIds.length
          ? {
              problemTypes: [
                { descriptions: input.cweIds.map((id) => ({ lang: "en", type: "CWE", cweId: id, description: id })) },
              ],
            }
          : {}),
        ...(input.cvss && input.cvss.score !== null
          ? {
              metrics: [
                input.cvss.vector.startsWith("CVSS:4.0/")
                  ? {
                      cvssV4_0: {
                        version: "4.0",
                        vectorString: input.cvss.vector,
                        baseScore: input.cvss.score,
                        baseSeverity: CVSS_SEVERITY[input.cvss.severity ?? "NONE"],
                      },
                    }
                  : input.cvss.vector.startsWith("CVSS:3.0/")
                    ? {
                        cvssV3_0: {
                          version: "3.0",
                          vectorString: input.cvss.vector,
                          baseScore: input.cvss.score,
                          baseSeverity: CVSS_SEVERITY[input.cvss.severity ?? "NONE"],
                        },
                      }
                    : {
                        cvssV3_1: {
                          version: "3.1",
                          vectorString: input.cvss.vector,
                          baseScore: input.cvss.score,
                          baseSeverity: CVSS_SEVERITY[input.cvss.severity ?? "NONE"],
                        },
                      },
              ],
            }
          : {}),
        references: input.advisoryUrl ? [{ url: input.advisoryUrl, tags: ["vendor-advisory"] }] : [],
        ...(input.credit ? { credits: [{ lang: "en", value: input.credit, type: "finder" }] } : {}),
      },
    },
  };
}
