/**
 * CSV (RFC 4180) that is safe to open in a spreadsheet: a cell starting with = + - @ (or a tab or
 * carriage return) would be read as a formula, so it gets a leading apostrophe (OWASP's advice
 * for CSV injection). Cells with a comma, quote or line break are quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** Lines end in CRLF, as RFC 4180 and spreadsheet programs expect. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [csvLine(header), ...rows.map(csvLine)].map((l) => `${l}\r\n`).join('');
}
