/**
 * CSV for `<lc-results>` (see src/core/csv.ts: RFC 4180, text that a spreadsheet would read as a
 * formula neutralised).
 *
 * Columns have stable, language-neutral names so a file can be read back by a script; numbers
 * are written unlocalised (a dot for decimals); criterion titles are in the element's language.
 */
import { dontKnowShare, rated, type ResultsView } from './divergence.js';
import type { GroupStats } from '../../core/results.js';
import { fixed, toCsv, type Cell } from '../../core/csv.js';

// The cell rules are shared with the reference collector's CSV (src/core/csv.ts).
export { csvCell, neutralise, toCsv, type Cell } from '../../core/csv.js';

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
