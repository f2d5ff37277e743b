import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

// The demo's fixed data: its projects, the shape of a demo report, and the
// text every demo report carries.

/** One demo report: its state, and its times as hours before now (so every clock state shows). */
export type DemoReport = {
  title: string;
  project: "express" | "body-parser" | null;
  status: "NEW" | "TRIAGE" | "CONFIRMED" | "FIXING" | "RELEASE_PENDING" | "DISCLOSED" | "CLOSED";
  severity?: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
  /** hours ago it arrived */
  ago: number;
  /** hours after arrival it was acknowledged */
  ack?: number;
  /** hours after acknowledgment the detailed response went out */
  reply?: number;
  handler?: "hana" | "luis" | "admin";
  resolution?: "REJECTED" | "DUPLICATE" | "THIRD_PARTY" | "WITHDRAWN";
  cve?: string;
  labels?: string[];
  waiting?: boolean;
  /** hours ago of the last progress update to the reporter (open reports past triage) */
  update?: number;
  /** affected ranges of the project's package */
  ranges?: { introduced: string; fixed?: string; last_affected?: string }[];
  reporter: [string, string];
};

/** A report body as a reporter would write one. */
export function demoReportBody(spec: Pick<DemoReport, "title">): string {
  return [
    `## Summary`,
    ``,
    // identifiers as code, as a reporter would write them (so __proto__ is not read as bold)
    `${spec.title.replace(/(__\w+__|\b[\w.]+\(\))/g, "`$1`")}.`,
    ``,
    `## Steps to reproduce`,
    ``,
    "```js",
    `const express = require('express')`,
    `const app = express()`,
    `app.get('/', (req, res) => res.send('ok'))`,
    `app.listen(3000)`,
    "```",
    ``,
    `Then send the request described below and observe the behaviour.`,
    ``,
    `## Impact`,
    ``,
    `An attacker can trigger this remotely without authentication.`,
  ].join("\n");
}

/** The demo organisation's projects and their release lines. */
export const DEMO_PROJECTS = [
  {
    slug: "express",
    name: "Express",
    packageName: "express",
    repositoryUrl: "https://github.com/expressjs/express",
    lines: {
      create: [
        { name: "5.x", range: ">=5.0.0 <6.0.0-0", latest: "5.1.0", status: "MAINTAINED", position: 0 },
        { name: "4.x", range: ">=4.0.0 <5.0.0-0", latest: "4.21.2", status: "MAINTAINED", position: 1 },
        { name: "6.x", range: ">=6.0.0-0 <7.0.0-0", latest: "6.0.0-beta.1", status: "PRERELEASE", position: 2 },
        {
          name: "3.x",
          range: ">=3.0.0 <4.0.0-0",
          latest: "3.21.2",
          status: "EOL",
          eolDate: new Date("2022-10-01"),
          position: 3,
        },
      ],
    },
  },
  {
    slug: "body-parser",
    name: "body-parser",
    packageName: "body-parser",
    repositoryUrl: "https://github.com/expressjs/body-parser",
    lines: {
      create: [
        { name: "2.x", range: ">=2.0.0 <3.0.0-0", latest: "2.2.0", status: "MAINTAINED", position: 0 },
        { name: "1.x", range: ">=1.0.0 <2.0.0-0", latest: "1.20.3", status: "MAINTAINED", position: 1 },
      ],
    },
  },
] satisfies (Prisma.ProjectCreateInput & { slug: string })[];
