import "server-only";

import type { SlaPolicy } from "@/lib/domain/sla";
import { DEFAULT_POLICY } from "@/lib/domain/sla";

import type { Tx } from "./db";

// SLA policies are versioned rows; a report keeps the version it arrived under.

/** The policy in force now for a project: its own newest version, else the instance default. */
export async function policyInForce(tx: Tx, projectId: string | null) {
  if (projectId) {
    const own = await tx.slaPolicy.findFirst({ where: { projectId }, orderBy: { version: "desc" } });
    if (own) return own;
  }
  return tx.slaPolicy.findFirst({ where: { projectId: null }, orderBy: { version: "desc" } });
}

export function policyNumbers(row: SlaPolicy | null | undefined): SlaPolicy {
  if (!row) return DEFAULT_POLICY;
  return {
    acknowledgeHours: row.acknowledgeHours,
    responseHours: row.responseHours,
    updateDays: row.updateDays,
    fixDaysCritical: row.fixDaysCritical,
    fixDaysHigh: row.fixDaysHigh,
    fixDaysMedium: row.fixDaysMedium,
    fixDaysLow: row.fixDaysLow,
  };
}
