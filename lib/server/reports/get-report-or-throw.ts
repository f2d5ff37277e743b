import "server-only";

import { isReportKey } from "@/lib/domain/report-key";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/infra/db";

// One report by its key, or a 404. The key's shape is checked first, so a
// malformed key never reaches the database; unknown and malformed keys get
// the same answer whatever the caller's role.

type FindArgs = Omit<Prisma.ReportFindUniqueArgs, "where">;

export function reportNotFound(): DomainError {
  return new DomainError("not_found", "No such report.");
}

export async function getReportOrThrow<A extends FindArgs>(
  client: Pick<Tx, "report"> | Pick<Db, "report">,
  key: string,
  args?: Prisma.SelectSubset<A, FindArgs>,
): Promise<Prisma.ReportGetPayload<A>> {
  if (!isReportKey(key)) throw reportNotFound();
  const report = await (client as Pick<Tx, "report">).report.findUnique({ ...(args as object), where: { key } });
  if (!report) throw reportNotFound();
  return report as Prisma.ReportGetPayload<A>;
}
