"use server";

import { headers } from "next/headers";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/server/http/action";
import { clientAddress, enforceRateLimit } from "@/lib/server/infra/rate-limit";
import { uploadsFromForm } from "@/lib/server/reports/attachments";
import { submitReport } from "@/lib/server/reports/intake";

import { REPORT_FIELDS, reportForm } from "./actions.validation";

export type ReportFormState = ActionState<{ done: { key: string; statusUrl: string } | { key: null } }>;

// Public intake from the web form. Anyone may call it: rate limited per
// client address, with a honeypot field that people never fill in. Files come
// in the same form (too many or too large: a field error, the text kept).
export async function submitReportAction(_prev: ReportFormState, form: FormData): Promise<ReportFormState> {
  return runAction(
    form,
    reportForm,
    async ({ website, ...input }) => {
      await enforceRateLimit("intake", clientAddress(await headers()));
      if (website) return { done: { key: null } };
      const files = await uploadsFromForm(form);
      const { key, statusUrl } = await submitReport(input, { source: "WEB", files });
      return { done: { key, statusUrl } };
    },
    { keep: REPORT_FIELDS },
  );
}
