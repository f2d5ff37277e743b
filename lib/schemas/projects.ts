import { z } from "zod";

import { CELL_STATES } from "@/lib/domain/matrix";
import { SEVERITIES, STATUSES } from "@/lib/domain/workflow";

import { csv } from "./reports";

/** An OSV ecosystem name ("npm", "PyPI", "crates.io", "Go", "Debian:12"): what the package's versions are read as. */
const ecosystem = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9.:+ -]{0,39}$/, "An OSV ecosystem name, such as npm or PyPI");

const repositoryUrl = z.url({ protocol: /^https?$/, message: "Enter an http(s) URL" }).max(500);

export const projectInput = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Lower-case letters, digits and dashes"),
  name: z.string().trim().min(1, "Name the project").max(100),
  packageName: z.string().trim().max(214).optional(),
  ecosystem: ecosystem.optional(),
  repositoryUrl: repositoryUrl.optional(),
});

/**
 * PATCH /api/v1/projects/{slug}: rename, change the package or ecosystem, archive or bring back. The slug stays:
 * it is in links, filters and the tagged mail address. An empty package name or repository clears it.
 */
export const projectPatchInput = z.object({
  name: projectInput.shape.name.optional(),
  packageName: z.string().trim().max(214).nullable().optional(),
  ecosystem: ecosystem.optional(),
  repositoryUrl: z
    .union([repositoryUrl, z.literal("")])
    .nullable()
    .optional(),
  archived: z.boolean().optional(),
});

/** A project as the API shows it. */
export const projectSchema = z.object({
  slug: z.string(),
  name: z.string(),
  packageName: z.string().nullable(),
  ecosystem: z.string(),
  repositoryUrl: z.string().nullable(),
  archivedAt: z.string().nullable().describe("set when archived: out of the board's and matrix's default views"),
  openReports: z.number(),
  lines: z.array(z.object({}).loose()),
});

export const lineInput = z.object({
  name: z.string().trim().min(1, "Name the line").max(40),
  range: z.string().trim().min(1, "Give a semver range").max(200),
  latest: z.string().trim().max(100).nullable().optional(),
  status: z.enum(["MAINTAINED", "PRERELEASE", "EOL"]),
  eolDate: z.iso.date("Use YYYY-MM-DD").nullable().optional(),
});

export const linesInput = z.object({ lines: z.array(lineInput).max(100) });

export const affectedInput = z.object({
  version: z.number().int().positive().optional(),
  affected: z
    .array(
      z.object({
        package: z.string().trim().min(1).max(214),
        ecosystem: z.string().trim().max(40).optional(),
        ranges: z
          .array(
            z.object({
              introduced: z.string().trim().min(1),
              fixed: z.string().trim().optional(),
              last_affected: z.string().trim().optional(),
            }),
          )
          .max(50),
      }),
    )
    .max(20),
});

export const overrideInput = z.object({
  version: z.number().int().positive().optional(),
  state: z.enum(["not_affected", "affected", "fixed", "fix_pending", "wont_fix", "unknown"]).nullable().optional(),
  fixedVersion: z.string().trim().max(100).nullable().optional(),
  fixRef: z.string().trim().max(500).nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});

/** Filters of the matrix (API, CSV and page): comma-separated lists; no status means the open ones. */
export const matrixQuery = z.object({
  project: z.string().trim().min(1).optional(),
  status: csv(STATUSES).optional(),
  severity: csv(SEVERITIES).optional(),
  state: csv(CELL_STATES, "lower").optional(),
});
export type MatrixQuery = z.output<typeof matrixQuery>;

/** GET /api/v1/matrix: release lines × reports of one project, each cell computed. */
export const matrixSchema = z.object({
  project: z.string(),
  name: z.string(),
  lines: z.array(
    z.object({
      name: z.string(),
      range: z.string(),
      latest: z.string().nullable(),
      status: z
        .enum(["MAINTAINED", "PRERELEASE", "EOL"])
        .describe("as it counts today: a maintained line past its eolDate is EOL"),
      eolDate: z.string().nullable(),
    }),
  ),
  rows: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      status: z.string(),
      severity: z.string().nullable(),
      cells: z.record(
        z.string(),
        z.object({ state: z.enum(CELL_STATES), version: z.string().nullable(), overridden: z.boolean() }),
      ),
    }),
  ),
  // MATRIX_REPORT_LIMIT in lib/server/matrix/matrix.ts, oldest first
  truncated: z.boolean().describe("more reports matched than one read takes (2,000): narrow the filters"),
});
export type MatrixDto = z.infer<typeof matrixSchema>;
