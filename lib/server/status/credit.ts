import "server-only";

import { creditInput } from "@/lib/schemas/reports";
import { db } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";
import { recordEvent } from "@/lib/server/reports/timeline";
import { auditByReporter, reportForToken, reporterActor } from "@/lib/server/status/token";

/** The reporter chooses how to be credited in the advisory. */
export async function setCreditPreference(token: string, raw: unknown) {
  const input = parseInput(creditInput, raw);
  await db().$transaction(async (tx) => {
    const report = await reportForToken(tx, token);
    await tx.report.update({
      where: { id: report.id },
      data: { creditPreference: input.preference, creditName: input.name || null },
    });
    await recordEvent(tx, reporterActor(report), report.id, {
      kind: "credit_changed",
      data: { preference: input.preference, name: input.name || null },
    });
    await auditByReporter(tx, report.reporter.email, { action: "report.credit", reportId: report.id, after: input });
  });
}
