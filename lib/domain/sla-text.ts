import type { ClockName } from "./sla";

export const CLOCK_NAMES_TEXT: Record<ClockName, string> = {
  acknowledge: "The acknowledgment",
  response: "The detailed response",
  update: "The next update to the reporter",
  fix: "The fix",
};
