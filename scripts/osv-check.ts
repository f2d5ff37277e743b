// npm run osv:check -- [--schema <schema.json>] <record.json>...
// Validates OSV records (files, or - for standard input) against Embargo's OSV
// schema, or against another draft 2020-12 schema file such as the one published
// at https://github.com/ossf/osv-schema/blob/main/validation/schema.json.
import { readFileSync } from "node:fs";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

import { osvExportProblems } from "@/lib/domain/osv-validate";

const args = process.argv.slice(2);
const at = args.indexOf("--schema");
const schemaPath = at >= 0 ? args.splice(at, 2)[1] : undefined;
if (!args.length) {
  console.error("usage: npm run osv:check -- [--schema schema.json] record.json... (- reads standard input)");
  process.exit(2);
}

let check: (record: unknown) => string[] = (record) => osvExportProblems(record).map((p) => `${p.path}: ${p.message}`);
if (schemaPath) {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
  check = (record) =>
    validate(record) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? "invalid"}`);
}

let failed = 0;
for (const file of args) {
  const record: unknown = JSON.parse(readFileSync(file === "-" ? 0 : file, "utf8"));
  const problems = check(record);
  if (problems.length) failed++;
  console.log(`${problems.length ? "INVALID" : "valid  "} ${file}${problems.map((p) => `\n  ${p}`).join("")}`);
}
process.exit(failed ? 1 : 0);
