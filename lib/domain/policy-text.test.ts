import { describe, expect, it } from "vitest";

import { durationsInText, textClockMismatches } from "./policy-text";
import { DEFAULT_POLICY } from "./sla";

const values = (text: string) => Object.fromEntries(durationsInText(text).map((d) => [d.field, d.value]));

describe("durationsInText", () => {
  it.each([
    ["We acknowledge your report within 48 hours.", { acknowledgeHours: 48 }],
    ["We will acknowledge receipt within two days.", { acknowledgeHours: 48 }],
    ["Within 24 hours we acknowledge it.", { acknowledgeHours: 24 }],
    ["You get a detailed response with next steps within 72 hours of our acknowledgment.", { responseHours: 72 }],
    ["We keep you informed of our progress at least every 7 days.", { updateDays: 7 }],
    ["We send an update every two weeks.", { updateDays: 14 }],
    ["Critical issues are fixed within 7 days.", { fixDaysCritical: 7 }],
    [
      "We aim to fix critical issues within 7 days, high within 30 days, medium in 90 days and low in 180 days.",
      { fixDaysCritical: 7, fixDaysHigh: 30, fixDaysMedium: 90, fixDaysLow: 180 },
    ],
    ["Moderate issues: 3 months.", { fixDaysMedium: 90 }],
    ["Our office is open 9 hours a day.", {}],
    ["", {}],
  ])("%s", (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it("reads each clock from the first sentence that names it, across Markdown lists", () => {
    const text = [
      "# Security policy",
      "",
      "- We acknowledge reports within 2 business days.",
      "- A detailed response follows within 5 business days.",
      "- We acknowledge, again, within 99 hours.",
    ].join("\n");
    const found = durationsInText(text);
    expect(found).toEqual([
      { field: "acknowledgeHours", value: 48, business: true, phrase: "2 business days" },
      { field: "responseHours", value: 120, business: true, phrase: "5 business days" },
    ]);
  });

  it("rounds hours up to whole days for the day clocks", () => {
    expect(values("Updates at least every 36 hours.")).toEqual({ updateDays: 2 });
  });
});

describe("textClockMismatches", () => {
  it("names each clock whose number the text contradicts, and none that agree", () => {
    const text = "We acknowledge within 24 hours. Updates every 7 days. Critical fixes within 14 days.";
    expect(textClockMismatches(text, DEFAULT_POLICY)).toEqual([
      expect.objectContaining({ field: "acknowledgeHours", value: 24, clock: 48 }),
      expect.objectContaining({ field: "fixDaysCritical", value: 14, clock: 7 }),
    ]);
  });
});
