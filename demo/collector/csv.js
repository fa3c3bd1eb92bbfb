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
 * A mean or median as the CSV shows it: two decimals, a half away from zero, rounded as
 * <lc-results>'s export rounds (src/core/csv.ts `fixed`).
 * @param {number | null} value
 */
export const roundFigure = (value) => schemas.fixed(value, 2);
