import * as calculator from "ae-cvss-calculator";

import type { Severity } from "./workflow";

// CVSS 3.1 and 4.0 base vectors: validated here, scored by ae-cvss-calculator
// (an implementation of the FIRST specifications), banded as the specs do.

// the package is a UMD bundle: its classes sit on a namespace object whose
// place differs between Node's and the bundler's CommonJS interop
type Calculators = { Cvss3P1: new (v: string) => Scorer; Cvss4P0: new (v: string) => Scorer };
type Scorer = { calculateScores(): { base?: number; overall?: number } };
const ns = calculator as unknown as { CvssCalculator?: Calculators; default?: Calculators & { CvssCalculator?: Calculators } };
const CVSS: Calculators = ns.CvssCalculator ?? ns.default?.CvssCalculator ?? (ns.default as Calculators);

const BASE_METRICS: Record<string, string[]> = {
  "3.1": ["AV", "AC", "PR", "UI", "S", "C", "I", "A"],
  "4.0": ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"],
};

export type CvssResult = { ok: true; version: "3.1" | "4.0"; vector: string; score: number; severity: Severity } | { ok: false; reason: string };

export function severityForScore(score: number): Severity {
  if (score >= 9) return "CRITICAL";
  if (score >= 7) return "HIGH";
  if (score >= 4) return "MEDIUM";
  if (score > 0) return "LOW";
  return "NONE";
}

export function scoreCvss(input: string): CvssResult {
  const vector = input.trim();
  const match = /^CVSS:(3\.1|4\.0)\/(.+)$/.exec(vector);
  if (!match) return { ok: false, reason: "A CVSS vector starts with CVSS:3.1/ or CVSS:4.0/." };
  const version = match[1] as "3.1" | "4.0";
  const parts = new Map<string, string>();
  for (const part of match[2]!.split("/")) {
    const [metric, value] = part.split(":");
    if (!metric || !value || parts.has(metric)) return { ok: false, reason: `"${part}" is not a metric:value pair, or repeats a metric.` };
    parts.set(metric, value);
  }
  const missing = BASE_METRICS[version]!.filter((m) => !parts.has(m));
  if (missing.length) return { ok: false, reason: `The vector lacks base metrics: ${missing.join(", ")}.` };
  try {
    const calc = version === "3.1" ? new CVSS.Cvss3P1(vector) : new CVSS.Cvss4P0(vector);
    const scores = calc.calculateScores();
    const score = scores.base ?? scores.overall;
    if (typeof score !== "number" || Number.isNaN(score)) return { ok: false, reason: "The vector could not be scored." };
    return { ok: true, version, vector, score, severity: severityForScore(score) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? `Invalid vector: ${error.message}` : "Invalid vector." };
  }
}
