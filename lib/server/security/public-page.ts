import "server-only";

import { z } from "zod";

import type { PromiseTally } from "@/lib/domain/promise-record";
import { promiseRecord } from "@/lib/domain/promise-record";
import { securityTxt } from "@/lib/domain/security-txt";
import type { SlaPolicy } from "@/lib/domain/sla";
import { appUrl, env } from "@/lib/env";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { audit } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";
import { projectNotFound } from "@/lib/server/projects/project-not-found";
import { clocksOf } from "@/lib/server/reports/summary";
import { policyInForce, policyNumbers } from "@/lib/server/sla/policy";

// The public face of the policy: /security (and /security/<project>) and
// /.well-known/security.txt. Anyone may read them; they show the policy's
// words and aggregate figures, never a report.

/** The window the public promise record counts over. */
export const RECORD_DAYS = 90;

const SETTING_KEY = "public.securityTxt";

export const publicSettingsInput = z.object({
  preferredLanguages: z
    .string()
    .trim()
    .max(200)
    .regex(
      /^([a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*)?(\s*,\s*[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*)*$/,
      "Language tags such as en, de",
    ),
  encryption: z
    .string()
    .trim()
    .max(500)
    .refine((v) => v === "" || /^(https:\/\/\S+|openpgp4fpr:[0-9a-fA-F]+|dns:\S+)$/.test(v), {
      message: "An https:// address of the public key (or an openpgp4fpr: or dns: URI)",
    }),
});
export type PublicSettings = z.infer<typeof publicSettingsInput>;

const DEFAULTS: PublicSettings = { preferredLanguages: "en", encryption: "" };

export async function publicSettings(): Promise<PublicSettings> {
  const row = await db().setting.findUnique({ where: { key: SETTING_KEY } });
  const parsed = publicSettingsInput.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULTS;
}

export async function savePublicSettings(actor: Actor | null, raw: unknown): Promise<PublicSettings> {
  authorize(actor, "settings.manage");
  const value = parseInput(publicSettingsInput, raw);
  await db().$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
    await audit(tx, actor, { action: "settings.public", entityType: "setting", entityId: SETTING_KEY, after: value });
  });
  return value;
}

/** The text of /.well-known/security.txt, or null when no contact can be listed. */
export async function securityTxtText(now = new Date()): Promise<string | null> {
  const settings = await publicSettings();
  return securityTxt({
    appUrl: appUrl(),
    address: env().INBOUND_ADDRESS ?? null,
    preferredLanguages: settings.preferredLanguages,
    encryption: settings.encryption || null,
    now,
  });
}

export type PublicPolicy = {
  organisation: string;
  project: { slug: string; name: string } | null;
  /** the written policy (Markdown), null when the team has written none */
  text: string | null;
  numbers: SlaPolicy;
  version: number | null;
  reporting: { formUrl: string; address: string | null; encryption: string | null };
  record: PromiseTally[];
  recordDays: number;
  /** other projects with a page of their own */
  projects: { slug: string; name: string }[];
};

/** What /security (no slug) or /security/<slug> shows; an unknown or archived project is a 404. */
export async function getPublicPolicy(slug: string | null, now = new Date()): Promise<PublicPolicy> {
  const projects = await db().project.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true },
  });
  const project = slug === null ? null : (projects.find((p) => p.slug === slug) ?? null);
  if (slug !== null && !project) throw projectNotFound(slug);
  const policy = await db().$transaction((tx) => policyInForce(tx, project?.id ?? null));
  const since = new Date(now.getTime() - RECORD_DAYS * 86_400_000);
  const reports = await db().report.findMany({
    where: { receivedAt: { gte: since }, ...(project ? { projectId: project.id } : {}) },
    include: { slaPolicy: true },
    omit: { body: true },
  });
  const settings = await publicSettings();
  return {
    organisation: env().ORG_NAME,
    project: project && { slug: project.slug, name: project.name },
    text: policy?.policyText ?? null,
    numbers: policyNumbers(policy),
    version: policy?.version ?? null,
    reporting: {
      formUrl: `${appUrl()}/report`,
      address: env().INBOUND_ADDRESS ?? null,
      encryption: settings.encryption || null,
    },
    record: promiseRecord(reports.map((r) => clocksOf(r, now))),
    recordDays: RECORD_DAYS,
    projects: projects.map(({ slug, name }) => ({ slug, name })),
  };
}
