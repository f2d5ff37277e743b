import type { Status } from "./workflow";

// The security policy's steps for one report, and which are done. Four follow from the report's own facts;
// two (the audit and the advisory) a handler ticks by hand.

export const MANUAL_CHECKLIST_ITEMS = ["audited", "advisory"] as const;
export type ManualChecklistItem = (typeof MANUAL_CHECKLIST_ITEMS)[number];

export type ChecklistItem = { id: string; label: string; done: boolean; manual?: ManualChecklistItem };

export type ChecklistFacts = {
  status: Status;
  confirmedAt: string | Date | null;
  /** the affected packages entered for the report */
  affected: readonly unknown[];
  /** the items ticked by hand */
  checklist: readonly string[];
  /** from releaseGate over the report's row of the matrix */
  gate: { linesNotReady: readonly string[]; linesNotReleased: readonly string[] };
};

export function policyChecklist(facts: ChecklistFacts): ChecklistItem[] {
  const versionsKnown = facts.affected.length > 0;
  const fixed = versionsKnown && facts.gate.linesNotReady.length === 0;
  return [
    { id: "confirm", label: "Confirm the problem", done: !!facts.confirmedAt },
    { id: "versions", label: "Determine the affected versions", done: versionsKnown },
    {
      id: "audit",
      label: "Audit the code for similar problems",
      done: facts.checklist.includes("audited"),
      manual: "audited",
    },
    { id: "fix", label: "Fix every maintained line", done: fixed },
    { id: "release", label: "Release the fixes", done: fixed && facts.gate.linesNotReleased.length === 0 },
    {
      id: "advisory",
      label: "Publish the advisory",
      done: facts.checklist.includes("advisory") || facts.status === "DISCLOSED",
      manual: "advisory",
    },
  ];
}
