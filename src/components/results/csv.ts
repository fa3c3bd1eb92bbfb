/**
 * CSV for `<lc-results>` (RFC 4180: comma separated, CRLF line ends, quotes doubled), safe to
 * open in a spreadsheet: text that a spreadsheet would read as a formula is neutralised.
 *
 * Columns have stable, language-neutral names so a file can be read back by a script; numbers
 * are written unlocalised (a dot for decimals); criterion titles are in the element's language.
 */
import { dontKnowShare, rated, type ResultsView } from './divergence.js';
import type { GroupStats } from '../../core/results.js';

export type Cell = string | number | null | undefined;

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"), also in
 * their full-width forms, and the tab and carriage return that some programs strip before looking.
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

export function toCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_COLUMNS = [
  'community',
  'round',
  'criterion',
  'title',
  'group',
  'perspective',
  'status',
  'answers',
  'answers_with_level',
  'dont_know',
  'dont_know_share',
  'mean',
  'median',
  'level_0',
  'level_1',
  'level_2',
  'level_3',
  'level_4',
  'change',
] as const;

const fixed = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

export interface CsvRound {
  community: string;
  round: string;
  view: ResultsView;
  /** Change per criterion id since the compared round (only for the current round). */
  change?: (criterion: string) => number | null;
}

/**
 * The figures per criterion and perspective, one row per group and round. Hidden groups keep
 * their row (so a reader sees they exist) with status `hidden` and no figures.
 */
export function resultsCsv(rounds: readonly CsvRound[], title: (criterion: string) => string): string {
  const rows: Cell[][] = [[...CSV_COLUMNS]];
  for (const { community, round, view, change } of rounds) {
    for (const c of view.criteria) {
      const head = [community, round, c.criterion, title(c.criterion)];
      rows.push([
        ...head,
        'overall',
        '',
        ...figures(c.overall, c.overallHidden),
        c.overallHidden ? null : fixed(change?.(c.criterion) ?? null, 2),
      ]);
      for (const g of c.groups) {
        rows.push([...head, 'perspective', g.perspective, ...figures(g.stats, Boolean(g.hidden)), null]);
      }
    }
  }
  return toCsv(rows);
}

function figures(stats: GroupStats, hidden: boolean): Cell[] {
  if (hidden) return ['hidden', ...Array<Cell>(11).fill(null)];
  return [
    'shown',
    stats.n,
    rated(stats),
    stats.dontKnow,
    fixed(dontKnowShare(stats), 3),
    fixed(stats.mean, 2),
    fixed(stats.median, 2),
    ...stats.levels,
  ];
}
