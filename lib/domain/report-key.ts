// Report keys: SEC-<year>-<sequence within the year>, at least four digits.

const KEY_PATTERN = /^SEC-(\d{4})-(\d{4,})$/;

export function formatReportKey(year: number, seq: number): string {
  return `SEC-${year}-${String(seq).padStart(4, "0")}`;
}

export function parseReportKey(key: string): { year: number; seq: number } | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  return { year: Number(match[1]), seq: Number(match[2]) };
}

export function isReportKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}
