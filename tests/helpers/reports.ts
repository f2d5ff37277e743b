import type { IntakeInput } from "@/lib/schemas/reports";
import { submitReport } from "@/lib/server/reports/intake";

// Reports for integration tests, made through the real intake use case (the
// pure, in-memory factories for unit tests are in factories.ts, which stays
// free of server imports).

export const REPORT_INPUT = {
  title: "Open redirect",
  body: "Full details",
  reporterEmail: "rae@example.org",
  reporterName: "Rae",
} satisfies IntakeInput;

/** Submits a report as a reporter would; returns its key, status link and token. */
export function makeReport(overrides: Partial<IntakeInput> = {}, opts: { source?: "WEB" | "API" } = {}) {
  return submitReport({ ...REPORT_INPUT, ...overrides }, opts);
}
