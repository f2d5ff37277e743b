// The board's filters live in the URL; this turns search params into the
// query the API takes and the react-query key, identically on server and client.

export const BOARD_FILTER_KEYS = ["project", "assignee", "severity", "sla", "label", "q"] as const;
export type BoardFilters = Partial<Record<(typeof BOARD_FILTER_KEYS)[number], string>>;

export function boardFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): BoardFilters {
  const get = (k: string) =>
    (params instanceof URLSearchParams ? params.get(k) : ([] as (string | undefined)[]).concat(params[k] ?? [])[0]) ??
    undefined;
  const out: BoardFilters = {};
  for (const key of BOARD_FILTER_KEYS) {
    const value = get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

export function boardQueryKey(filters: BoardFilters) {
  return ["board", filters] as const;
}

export function boardSearch(filters: BoardFilters): string {
  const params = new URLSearchParams();
  for (const key of BOARD_FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  const text = params.toString();
  return text ? `?${text}` : "";
}
