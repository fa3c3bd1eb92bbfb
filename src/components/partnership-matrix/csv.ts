import type { Actor, Tie } from '../../core/envelope.js';
import { csvCell, toCsv } from '../../core/csv.js';

/**
 * One CSV field (RFC 4180), by the rule every export of the library shares (src/core/csv.ts): a
 * text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, also after spaces or in
 * their full-width forms, or a leading tab or carriage return) gets a leading `'`, so opening an
 * export in Excel or LibreOffice never executes what someone typed as an actor's name.
 */
export function csvField(value: string | number | boolean): string {
  return csvCell(value);
}

/** The ties as an edge list `source,target,level,independent` (actor ids), as Gephi and Kumu import it. */
export function tiesToCsv(ties: readonly Tie[]): string {
  return toCsv([
    ['source', 'target', 'level', 'independent'],
    ...ties.map((t) => [t.source, t.target, t.level, t.independent]),
  ]);
}

/** The actors as a node list `id,label,sector`, to give the edge list its names in a network tool. */
export function actorsToCsv(actors: readonly Actor[]): string {
  return toCsv([['id', 'label', 'sector'], ...actors.map((a) => [a.id, a.name, a.sector])]);
}

/** Reads CSV text into rows (RFC 4180: quoted fields, doubled quotes, CRLF or LF). For tests and tools. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
