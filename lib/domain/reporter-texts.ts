import type { Resolution } from "./workflow";

// What the team's workflow moves tell the reporter, word for word (the
// acknowledgment, the announcement, the closing notes).

export const ACK_TEXT =
  "Thank you for your report. We have received it and a member of the security team is assessing it. We will follow up with a detailed response and next steps.";

export const DISCLOSED_TEXT =
  "The fix for your report has been released and the vulnerability has been announced. Thank you for reporting it responsibly.";

/** The message that closes a report, by resolution. */
export function closingText(
  resolution: Resolution | null,
  thirdParty: { name: string | null; contact: string | null },
): string {
  switch (resolution) {
    case "REJECTED":
      return "Thank you for your report. After assessing it we concluded that it is not a vulnerability in this project, so we are closing it. If you disagree, reply with more detail and we will look again.";
    case "DUPLICATE":
      return "Thank you for your report. It describes a problem we already know about and are handling under an earlier report, so we are closing this one as a duplicate.";
    case "THIRD_PARTY":
      return `Thank you for your report. The problem lies in a third-party module that this project does not maintain. Please report it to its maintainers: ${thirdParty.name}${thirdParty.contact ? ` (${thirdParty.contact})` : ""}.`;
    default:
      return "This report has been withdrawn and is now closed. Thank you.";
  }
}
