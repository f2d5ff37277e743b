import { describe, expect, it } from "vitest";

import type { BoardFilters } from "./board-filters";
import { BOARD_FILTER_KEYS, boardFilters, boardQueryKey, boardSearch } from "./board-filters";

describe("board filters from the URL", () => {
  it.each<[string, string, BoardFilters]>([
    ["no parameters: no filters", "", {}],
    ["one filter", "project=express", { project: "express" }],
    [
      "every filter",
      "project=express&assignee=hana%40example.com&severity=HIGH&sla=breached&label=dos&q=redirect",
      {
        project: "express",
        assignee: "hana@example.com",
        severity: "HIGH",
        sla: "breached",
        label: "dos",
        q: "redirect",
      },
    ],
    ["unknown parameters are dropped", "project=express&sort=title&page=2", { project: "express" }],
    ["empty and blank values are dropped", "project=&q=%20%20&label=dos", { label: "dos" }],
    ["values are trimmed", "q=%20open%20redirect%20", { q: "open redirect" }],
    ["the first of repeated values counts", "label=dos&label=xss", { label: "dos" }],
  ])("%s", (_name, search, filters) => {
    expect(boardFilters(new URLSearchParams(search))).toEqual(filters);
  });

  it.each<[string, Record<string, string | string[] | undefined>, BoardFilters]>([
    ["no parameters", {}, {}],
    ["a single value", { severity: "CRITICAL" }, { severity: "CRITICAL" }],
    ["the first of a list", { label: ["dos", "xss"] }, { label: "dos" }],
    ["an empty list", { label: [] }, {}],
    ["undefined", { project: undefined }, {}],
    ["unknown keys dropped, values trimmed", { q: " x ", other: "y" }, { q: "x" }],
  ])("reads Next's searchParams object: %s", (_name, params, filters) => {
    expect(boardFilters(params)).toEqual(filters);
  });

  it("reads the same filters from both forms of parameters", () => {
    const search = "project=express&severity=HIGH&q=redirect";
    expect(boardFilters(Object.fromEntries(new URLSearchParams(search)))).toEqual(
      boardFilters(new URLSearchParams(search)),
    );
  });
});

describe("the board's search string", () => {
  it.each<[string, BoardFilters, string]>([
    ["no filters: no query string", {}, ""],
    ["an empty value is left out", { project: "", q: "x" }, "?q=x"],
    [
      "in the fixed key order, whatever the object's",
      { q: "redirect", project: "express" },
      "?project=express&q=redirect",
    ],
    ["encoded", { assignee: "hana@example.com", q: "a&b c" }, "?assignee=hana%40example.com&q=a%26b+c"],
  ])("%s", (_name, filters, search) => {
    expect(boardSearch(filters)).toBe(search);
  });

  it.each<BoardFilters>([
    {},
    { project: "express" },
    { project: "express", assignee: "hana@example.com", severity: "HIGH", sla: "due_soon", label: "dos", q: "a&b c" },
  ])("round trips %j through the URL", (filters) => {
    expect(boardFilters(new URLSearchParams(boardSearch(filters)))).toEqual(filters);
  });

  it("names every filter key once", () => {
    expect(new Set(BOARD_FILTER_KEYS).size).toBe(BOARD_FILTER_KEYS.length);
    expect([...BOARD_FILTER_KEYS]).toEqual(["project", "assignee", "severity", "sla", "label", "q"]);
  });
});

describe("the board's query key", () => {
  it("is the same for the same filters read from the URL, whatever the parameter order", () => {
    const a = boardQueryKey(boardFilters(new URLSearchParams("severity=HIGH&project=express")));
    const b = boardQueryKey(boardFilters(new URLSearchParams("project=express&severity=HIGH&unknown=1")));
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("differs when a filter differs, and starts with the board's prefix", () => {
    expect(boardQueryKey({ project: "express" })).toEqual(["board", { project: "express" }]);
    expect(boardQueryKey({ project: "express" })).not.toEqual(boardQueryKey({ project: "body-parser" }));
    expect(boardQueryKey({})).toEqual(["board", {}]);
  });
});
