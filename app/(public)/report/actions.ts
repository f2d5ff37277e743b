"use server";

import { headers } from "next/headers";

import { DomainError } from "@/lib/errors";
import { clientAddress, enforceRateLimit } from "@/lib/server/infra/rate-limit";
import { submitReport } from "@/lib/server/reports/intake";

export type ReportFormState = {
  error?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
  done?: { key: string; statusUrl: string } | { key: null };
};

const FIELDS = [
  "title",
  "body",
  "project",
  "reportedVersion",
  "reporterName",
  "reporterEmail",
  "creditPreference",
  "creditName",
] as const;

// Public intake from the web form. Anyone may call it: rate limited per
// client address, with a honeypot field that people never fill in.
export async function submitReportAction(_prev: ReportFormState, form: FormData): Promise<ReportFormState> {
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  try {
    await enforceRateLimit("intake", clientAddress(await headers()));
    if (String(form.get("website") ?? "")) return { done: { key: null } };
    const { key, statusUrl } = await submitReport(
      {
        title: values.title,
        body: values.body,
        reporterEmail: values.reporterEmail,
        reporterName: values.reporterName || undefined,
        project: values.project || undefined,
        reportedVersion: values.reportedVersion || undefined,
        creditPreference: (["NAME", "ANONYMOUS", "NONE"].includes(values.creditPreference)
          ? values.creditPreference
          : "NAME") as "NAME",
        creditName: values.creditName || undefined,
      },
      { source: "WEB" },
    );
    return { done: { key, statusUrl } };
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message, fields: error.fields, values };
    throw error;
  }
}
