import type { Resolution, Severity, Status } from "./workflow";
import { STATUS_LABELS } from "./workflow";

// The workflow rules of the security policy, as a pure function: may this
// report move from one state to another, and if so what the move implies.
// Every refusal carries a reason a person understands.

export type TransitionFacts = {
  hasHandler: boolean;
  severity: Severity | null;
  acknowledged: boolean;
  /** the resolution, duplicate and redirect the move would leave on the report */
  resolution: Resolution | null;
  duplicateOf: string | null;
  thirdPartyName: string | null;
  /** maintained release lines not yet fixed, not affected or won't-fix */
  linesNotReady: string[];
  /** maintained release lines whose fix is not released yet */
  linesNotReleased: string[];
  /** the report has no project while projects exist: no release lines say what must be fixed */
  noProject?: boolean;
};

export type TransitionEffects = {
  /** stamp acknowledgedAt and send the acknowledgment if none went out */
  acknowledge: boolean;
  stampConfirmed: boolean;
  stampDisclosed: boolean;
  stampClosed: boolean;
  /** reopening clears closedAt and the resolution */
  reopen: boolean;
  /** a move to an earlier state, recorded as such */
  backwards: boolean;
  notifyReporter: "disclosed" | "closed" | null;
};

export type TransitionResult = { ok: true; effects: TransitionEffects } | { ok: false; reason: string };

const ORDER: Record<Status, number> = {
  NEW: 0,
  TRIAGE: 1,
  CONFIRMED: 2,
  FIXING: 3,
  RELEASE_PENDING: 4,
  DISCLOSED: 5,
  CLOSED: 6,
};

/** Forward moves the workflow allows (closing and moving back are handled apart). */
const FORWARD: Record<Status, readonly Status[]> = {
  NEW: ["TRIAGE", "CONFIRMED"],
  TRIAGE: ["CONFIRMED"],
  CONFIRMED: ["FIXING", "RELEASE_PENDING"],
  FIXING: ["RELEASE_PENDING"],
  RELEASE_PENDING: ["DISCLOSED"],
  DISCLOSED: [],
  CLOSED: [],
};

const refuse = (reason: string): TransitionResult => ({ ok: false, reason });

function list(names: string[]): string {
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}

function needsConfirmation(facts: TransitionFacts, verb: string): string | null {
  if (!facts.hasHandler && !facts.severity) return `${verb} needs a primary handler and a severity.`;
  if (!facts.hasHandler) return `${verb} needs a primary handler.`;
  if (!facts.severity) return `${verb} needs a severity.`;
  return null;
}

export function checkTransition(from: Status, to: Status, facts: TransitionFacts): TransitionResult {
  const effects: TransitionEffects = {
    acknowledge: false,
    stampConfirmed: false,
    stampDisclosed: false,
    stampClosed: false,
    reopen: false,
    backwards: false,
    notifyReporter: null,
  };
  if (from === to) return refuse(`The report is already in ${STATUS_LABELS[to]}.`);

  if (to === "CLOSED") {
    if (from === "DISCLOSED") return refuse("A disclosed report stays disclosed: it was fixed and announced.");
    if (!facts.resolution)
      return refuse("Closing needs a resolution: not a vulnerability, duplicate, third party or withdrawn.");
    if (facts.resolution === "DUPLICATE" && !facts.duplicateOf)
      return refuse("Closing as a duplicate needs the key of the original report.");
    if (facts.resolution === "THIRD_PARTY" && !facts.thirdPartyName)
      return refuse("Closing as third party needs the maintainer to redirect the reporter to.");
    return { ok: true, effects: { ...effects, stampClosed: true, notifyReporter: "closed" } };
  }

  if (from === "CLOSED") {
    if (to !== "TRIAGE") return refuse("A closed report reopens to Triage.");
    return { ok: true, effects: { ...effects, reopen: true, backwards: true } };
  }

  if (to === "NEW") return refuse("A report cannot go back to New: it has been acknowledged. Move it to Triage.");

  if (ORDER[to] < ORDER[from]) {
    // moving back is allowed and recorded; the target's own needs still apply
    if (ORDER[to] >= ORDER.CONFIRMED) {
      const missing = needsConfirmation(facts, `${STATUS_LABELS[to]} needs a confirmed report: it`);
      if (missing) return refuse(missing);
    }
    return { ok: true, effects: { ...effects, backwards: true } };
  }

  if (!FORWARD[from].includes(to)) {
    if (to === "DISCLOSED") return refuse("A report is disclosed from Release pending, once its fixes are released.");
    if (to === "RELEASE_PENDING" || to === "FIXING")
      return refuse(`Confirm the report before moving it to ${STATUS_LABELS[to]}.`);
    return refuse(`${STATUS_LABELS[from]} cannot move to ${STATUS_LABELS[to]}.`);
  }

  if (ORDER[to] >= ORDER.CONFIRMED) {
    const missing = needsConfirmation(facts, "Confirming");
    if (missing) return refuse(missing);
  }
  if ((to === "RELEASE_PENDING" || to === "DISCLOSED") && facts.noProject) {
    return refuse(
      `${to === "DISCLOSED" ? "Disclosing" : "Release pending"} needs the report in a project: its release lines say what must be fixed. Pick the project first.`,
    );
  }
  if (to === "RELEASE_PENDING" && facts.linesNotReady.length) {
    return refuse(
      `Release pending needs every maintained line fixed, not affected or marked won't fix with a reason. Not yet: ${list(facts.linesNotReady)}.`,
    );
  }
  if (to === "DISCLOSED" && facts.linesNotReady.length) {
    return refuse(
      `Disclosing needs every maintained line fixed, not affected or marked won't fix with a reason. Not yet: ${list(facts.linesNotReady)}.`,
    );
  }
  if (to === "DISCLOSED" && facts.linesNotReleased.length) {
    return refuse(`Disclosing needs the fixes released. Not released yet: ${list(facts.linesNotReleased)}.`);
  }
  return {
    ok: true,
    effects: {
      ...effects,
      acknowledge: !facts.acknowledged,
      stampConfirmed: to === "CONFIRMED",
      stampDisclosed: to === "DISCLOSED",
      notifyReporter: to === "DISCLOSED" ? "disclosed" : null,
    },
  };
}

/** What the client knows of a report (a board card or the report page): enough to say where it may move. */
export type ReportFactsSource = {
  assignee: unknown;
  severity: Severity | null;
  acknowledgedAt: string | Date | null;
};

/**
 * The transition facts a client can build from a report summary. Resolution, duplicate and redirect are
 * chosen in the close dialog, and release-line readiness is checked by the server, so they start empty.
 */
export function reportFacts(report: ReportFactsSource): TransitionFacts {
  return {
    hasHandler: !!report.assignee,
    severity: report.severity,
    acknowledged: !!report.acknowledgedAt,
    resolution: null,
    duplicateOf: null,
    thirdPartyName: null,
    linesNotReady: [],
    linesNotReleased: [],
  };
}

/** Which columns a card may be dropped on, with the reason for the others. */
export function dropTargets(
  from: Status,
  facts: TransitionFacts,
): Record<Status, { ok: true } | { ok: false; reason: string }> {
  const out = {} as Record<Status, { ok: true } | { ok: false; reason: string }>;
  for (const to of Object.keys(ORDER) as Status[]) {
    if (to === "CLOSED") {
      // closing always asks for a resolution in a dialog, so only the hard rule applies here
      out[to] =
        from === "DISCLOSED"
          ? { ok: false, reason: "A disclosed report stays disclosed." }
          : from === "CLOSED"
            ? { ok: false, reason: "Already closed." }
            : { ok: true };
      continue;
    }
    const result = checkTransition(from, to, facts);
    out[to] = result.ok ? { ok: true } : { ok: false, reason: result.reason };
  }
  return out;
}
