import { describe, expect, it } from "vitest";

import { safeCallback } from "./safe-redirect";

describe("safeCallback", () => {
  it.each([
    ["/reports/SEC-2026-0001", "/reports/SEC-2026-0001"],
    ["/board?q=x#top", "/board?q=x#top"],
    [undefined, "/board"],
    ["", "/board"],
    ["https://evil.example/", "/board"],
    ["//evil.example", "/board"],
    ["/\\evil.example", "/board"],
    ["/\t/evil.example", "/board"],
    ["/\n/evil.example", "/board"],
    ["javascript:alert(1)", "/board"],
    ["/%09/evil.example", "/%09/evil.example"],
  ])("%j → %j", (input, output) => expect(safeCallback(input)).toBe(output));
});
