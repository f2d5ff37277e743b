// CSV as spreadsheets read it (RFC 4180, CRLF line ends). Text that reporters
// wrote reaches these cells, so a cell a spreadsheet would run as a formula
// is defused with a leading apostrophe.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One quoted field: formula starts neutralised, quotes doubled. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows of fields as one CSV document, each row ended by CRLF. */
export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
