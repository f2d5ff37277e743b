import * as calculator from "ae-cvss-calculator";

import type { Severity } from "./workflow";

// CVSS 3.1 and 4.0 base vectors (and 3.0, which older advisories carry): validated here, scored by ae-cvss-calculator
// (an implementation of the FIRST specifications), banded as the specs do.

// the package is a UMD bundle: its classes sit on a namespace object whose
// place differs between Node's and the bundler's CommonJS interop
type Calculators = {
  Cvss3P0: new (v: string) => Scorer;
  Cvss3P1: new (v: string) => Scorer;
  Cvss4P0: new (v: string) => Scorer;
};
type Scorer = { calculateScores(): { base?: number; overall?: number } };
const ns = calculator as unknown as {
  CvssCalculator?: Calculators;
  default?: Calculators & { CvssCalculator?: Calculators };
};
const CVSS: Calculators = ns.CvssCalculator ?? ns.default?.CvssCalculator ?? (ns.default as Calculators);

const BASE_METRICS: Record<string, string[]> = {
  "3.0": ["AV", "AC", "PR", "UI", "S", "C", "I", "A"],
  "3.1": ["AV", "AC", "PR", "UI", "S", "C", "I", "A"],
  "4.0": ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"],
};

// every metric in the order the specifications write vectors (OSV's schema checks that order)
const V3_ORDER = [
  ...BASE_METRICS["3.1"]!,
  "E",
  "RL",
  "RC",
  "CR",
  "IR",
  "AR",
  "MAV",
  "MAC",
  "MPR",
  "MUI",
  "MS",
  "MC",
  "MI",
  "MA",
];
const METRIC_ORDER: Record<string, string[]> = {
  "3.0": V3_ORDER,
  "3.1": V3_ORDER,
  "4.0": [
    ...BASE_METRICS["4.0"]!,
    "E",
    "CR",
    "IR",
    "AR",
    "MAV",
    "MAC",
    "MAT",
    "MPR",
    "MUI",
    "MVC",
    "MVI",
    "MVA",
    "MSC",
    "MSI",
    "MSA",
    "S",
    "AU",
    "R",
    "V",
    "RE",
    "U",
  ],
};

export type CvssResult =
  | { ok: true; version: "3.0" | "3.1" | "4.0"; vector: string; score: number; severity: Severity }
  | { ok: false; reason: string };

export function severityForScore(score: number): Severity {
  if (score >= 9) return "CRITICAL";
  if (score >= 7) return "HIGH";
  if (score >= 4) return "MEDIUM";
  if (score > 0) return "LOW";
  return "NONE";
}

export function scoreCvss(input: string): CvssResult {
  const vector = input.trim();
  const match = /^CVSS:(3\.0|3\.1|4\.0)\/(.+)$/.exec(vector);
  if (!match) return { ok: false, reason: "A CVSS vector starts with CVSS:3.1/ or CVSS:4.0/ (or CVSS:3.0/)." };
  const version = match[1] as "3.0" | "3.1" | "4.0";
  const parts = new Map<string, string>();
  for (const part of match[2]!.split("/")) {
    const [metric, value, ...rest] = part.split(":");
    if (!metric || !value || rest.length || parts.has(metric))
      return { ok: false, reason: `"${part}" is not a metric:value pair, or repeats a metric.` };
    parts.set(metric, value);
  }
  const missing = BASE_METRICS[version]!.filter((m) => !parts.has(m));
  if (missing.length) return { ok: false, reason: `The vector lacks base metrics: ${missing.join(", ")}.` };
  const unknown = [...parts.keys()].filter((m) => !METRIC_ORDER[version]!.includes(m));
  if (unknown.length) return { ok: false, reason: `CVSS ${version} has no metric ${unknown.join(", ")}.` };
  // the same vector written in the specification's order
  const ordered = `CVSS:${version}/${METRIC_ORDER[version]!.filter((m) => parts.has(m))
    .map((m) => `${m}:${parts.get(m)}`)
    .join("/")}`;
  try {
    const calc =
      version === "3.0"
        ? new CVSS.Cvss3P0(ordered)
        : version === "3.1"
          ? new CVSS.Cvss3P1(ordered)
          : new CVSS.Cvss4P0(ordered);
    const scores = calc.calculateScores();
    const score = scores.base ?? scores.overall;
    if (typeof score !== "number" || Number.isNaN(score))
      return { ok: false, reason: "The vector could not be scored." };
    return { ok: true, version, vector: ordered, score, severity: severityForScore(score) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? `Invalid vector: ${error.message}` : "Invalid vector." };
  }
}
