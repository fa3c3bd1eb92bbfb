// CSV (RFC 4180) for the exports. Cells that a spreadsheet would run as a formula are defused
// with a leading apostrophe (OWASP "CSV injection"): journal text comes from the public.

/** @param {unknown} value */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * @param {readonly string[]} header
 * @param {Iterable<readonly unknown[]>} rows
 */
export function toCsv(header, rows) {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
