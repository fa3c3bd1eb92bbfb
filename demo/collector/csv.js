// CSV (RFC 4180) for the exports, with the cell rules of <lc-results>'s own export
// (src/core/csv.ts, bundled by schemas.js): cells that a spreadsheet would run as a formula, also
// after leading spaces or in full-width form, get a leading apostrophe (OWASP "CSV injection").
import { schemas } from './schemas.js';

export const { csvCell } = schemas;

/**
 * @param {readonly string[]} header
 * @param {Iterable<readonly unknown[]>} rows
 */
export function toCsv(header, rows) {
  return schemas.toCsv([header, ...rows]);
}

/**
 * A mean or median as the CSV shows it: two decimals, a half away from zero, like <lc-results>'s
 * export (src/components/results/csv.ts `fixed`). Rounded in its decimal form: 23/40 is 0.575
 * written, but 57.49999… times 100 in binary, which would round down. The exponent is added to
 * the one the number may already be written with (`4e-16`).
 * @param {number | null} value
 */
export function roundFigure(value) {
  if (value === null) return null;
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const rounded = Math.round(Number(`${mantissa}e${Number(exponent) + 2}`)) / 100;
  return value < 0 && rounded ? -rounded : rounded;
}
