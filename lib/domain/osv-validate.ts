import Ajv2020 from "ajv/dist/2020.js";
import type { ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

import osvSchema from "./osv-schema.json" with { type: "json" };

// Checks records against lib/domain/osv-schema.json, Embargo's encoding of the
// OSV 1.7 specification. Exports are held to all of it. Imports are held to all
// of it but the two lists that grow every few months (home-database id prefixes
// and ecosystem names) and the closed set of top-level fields, so a record from
// a database newer than this file is still read.

export type SchemaProblem = { path: string; message: string };

function lenientSchema(): object {
  const copy = structuredClone(osvSchema) as Record<string, unknown> & {
    $defs: Record<string, Record<string, unknown>>;
  };
  copy.$id = osvSchema.$id.replace(".json", "-lenient.json");
  delete copy.additionalProperties;
  delete copy.$defs.registeredId!.pattern;
  delete copy.$defs.ecosystem!.pattern;
  return copy;
}

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strictTypes: false });
addFormats(ajv, ["date-time", "uri"]);
const strictCheck = ajv.compile(osvSchema);
const lenientCheck = ajv.compile(lenientSchema());

const READABLE: [RegExp, string | ((e: ErrorObject) => string)][] = [
  [/utcTime\/(pattern|format)$/, "must be a UTC time such as 2026-01-31T12:00:00Z"],
  [
    /registeredId\/pattern$/,
    "must start with the prefix of a home database the OSV specification lists (GHSA-, CVE-, OSV-, …)",
  ],
  [/ecosystem\/pattern$/, "must be an ecosystem the OSV specification lists, such as npm"],
  [/events\/contains$/, "a range needs an introduced event"],
  [/range\/allOf\/1\/then\/not$/, "a range uses fixed or last_affected events, not both"],
  [/range\/allOf\/0\/then\/required$/, "a GIT range needs a repo"],
  [/events\/items\/oneOf$/, "each event holds exactly one of introduced, fixed, last_affected or limit"],
  [
    /severityList\/items\/allOf\/\d\/then\/properties\/score\/(pattern|enum)$/,
    "is not a vector of the severity type it names",
  ],
  [
    /^#\/additionalProperties$/,
    (e) =>
      `"${(e.params as { additionalProperty: string }).additionalProperty}" is not an OSV field (extra data goes under database_specific)`,
  ],
  [/^#\/allOf\/0\/then\//, "must be absent when the record has a top-level severity"],
];

function describe(e: ErrorObject): SchemaProblem {
  const at = e.instancePath.slice(1).replaceAll("/", ".");
  if (e.keyword === "required") {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    return { path: at ? `${at}.${missing}` : missing, message: "is required" };
  }
  const path = at || "_";
  const found = READABLE.find(([pattern]) => pattern.test(e.schemaPath));
  const message = found ? (typeof found[1] === "string" ? found[1] : found[1](e)) : (e.message ?? "is invalid");
  return { path, message };
}

/** The schema problems of a record, most specific first, one per place; empty when it is valid. */
function problems(errors: ErrorObject[] | null | undefined): SchemaProblem[] {
  // "contains" and "oneOf" report why each item or branch failed, then one summary: keep the summary;
  // "if" repeats what its "then" said; keep one problem per path
  const seen = new Map<string, SchemaProblem>();
  for (const e of errors ?? []) {
    if (e.keyword === "if" || /\/(contains|oneOf\/\d+)\//.test(e.schemaPath)) continue;
    const p = describe(e);
    if (!seen.has(p.path)) seen.set(p.path, p);
  }
  return [...seen.values()];
}

/** Problems of a record Embargo writes: the whole OSV 1.7 schema applies. */
export function osvExportProblems(record: unknown): SchemaProblem[] {
  return strictCheck(record) ? [] : problems(strictCheck.errors);
}

/** Problems of a record Embargo reads (registries of prefixes and ecosystems not enforced). */
export function osvImportProblems(record: unknown): SchemaProblem[] {
  return lenientCheck(record) ? [] : problems(lenientCheck.errors);
}
