import { describe, expect, it } from "vitest";

import { formatReportKey, isReportKey, parseReportKey } from "./report-key";

describe("report keys", () => {
  it.each([
    [2026, 1, "SEC-2026-0001"],
    [2026, 42, "SEC-2026-0042"],
    [2026, 9999, "SEC-2026-9999"],
    [2027, 12345, "SEC-2027-12345"],
  ])("formats %i/%i as %s and parses it back", (year, seq, key) => {
    expect(formatReportKey(year, seq)).toBe(key);
    expect(parseReportKey(key)).toEqual({ year, seq });
    expect(isReportKey(key)).toBe(true);
  });

  it.each(["SEC-2026-42", "sec-2026-0042", "SEC-26-0042", "SEC-2026-0042x", "../SEC-2026-0042", ""])(
    "rejects %j",
    (key) => {
      expect(isReportKey(key)).toBe(false);
      expect(parseReportKey(key)).toBeNull();
    },
  );
});
