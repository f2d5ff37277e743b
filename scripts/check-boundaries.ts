import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { routes } from "@/lib/schemas/routes";

import { checkSource } from "./boundaries";

// Run by `npm run lint`: every "use server" file exports only actions, and
// every API route handler is wrapped in withRole with its own route entry.
// Prints file:line and why, and exits 1 on any problem.

const ROOTS = ["app", "lib", "components"];

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

let count = 0;
for (const root of ROOTS) {
  for (const file of files(root)) {
    for (const p of checkSource(file, readFileSync(file, "utf8"), routes)) {
      console.error(`${file}:${p.line}: ${p.message}`);
      count++;
    }
  }
}
if (count) {
  console.error(`check-boundaries: ${count} problem${count === 1 ? "" : "s"}`);
  process.exit(1);
}
