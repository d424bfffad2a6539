/**
 * CSV as RFC 4180 writes it (comma, CRLF, quotes doubled inside quoted cells), safe to open in a
 * spreadsheet: a text cell that begins like a formula (= + - @, or a tab or carriage return that some
 * spreadsheets skip before one) is prefixed with a single quote, as OWASP's CSV-injection advice says.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text.length > 0 && FORMULA_START.has(text[0])) text = `'${text}`;
  let quote = false;
  for (let i = 0; i < text.length && !quote; i++) {
    const c = text[i];
    quote = c === '"' || c === ',' || c === '\n' || c === '\r';
  }
  return quote ? `"${text.split('"').join('""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
