/**
 * CSV (RFC 4180: comma separated, CRLF line ends, quotes doubled), safe to open in a spreadsheet:
 * text that a spreadsheet would read as a formula is neutralised. Shared by the exports of
 * `<lc-results>` and `<lc-partnership-matrix>` and the reference collector's (demo/collector), so
 * all of them defuse the same cells.
 */

export type Cell = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"), also in
 * their full-width forms and after leading spaces, and the tab and carriage return that some
 * programs strip before looking.
 */
const FORMULA_START = /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/** Text that cannot start a formula: a leading apostrophe makes the spreadsheet show it as text. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: numbers as they are (a finite number cannot be a formula), text neutralised and quoted when needed. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralise(String(value));
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * `value` to `digits` decimals, a half away from zero, as `Intl` rounds the figures on the page:
 * the figures of `<lc-results>`'s export and the collector's. Rounded in its decimal form: 23/40
 * is 0.575 written, but 57.49999… times 100 in binary, which would round down. The exponent is
 * added to the one the number may already be written with (`4e-16`).
 */
export function fixed(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const rounded = Math.round(Number(`${mantissa}e${Number(exponent) + digits}`)) / 10 ** digits;
  return value < 0 && rounded ? -rounded : rounded;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
