/**
 * DOM-free figures for `<lc-results>`: which groups may be shown without exposing anyone, and
 * where perspectives diverge.
 *
 * Anonymity rule (documented in the element's README section and JSDoc):
 * - A group counts its answers **with a level** (the sum of `levels`): those are the answers a
 *   mean is made of, and the ones a small group would expose. "Don't know" answers do not count:
 *   a group of six of whom five said "don't know" would otherwise show one person's level.
 * - A group with fewer than `minGroup` such answers is hidden (`small`), unless it has none: a
 *   group whose every answer is "don't know" has no level to expose, and its counts (how many
 *   answered, all "don't know") are shown.
 * - The overall figures minus the shown groups must not single out a small remainder: if what is
 *   left (hidden groups plus answers without a perspective) has between 1 and `minGroup - 1`
 *   answers with a level, the smallest shown group is hidden as well (`complement`), and so on,
 *   so a hidden group can never be worked out by subtraction.
 * - The overall figures of a criterion are hidden when they have fewer than `minGroup` answers
 *   with a level (and at least one).
 *
 * Divergence is the spread between the shown perspectives' means. The reference collector puts
 * answers without a perspective in a group `unspecified`: it is shown in the tables like any group
 * but takes no part in the spread, which is about perspectives seeing a criterion differently.
 */
import type { CriterionResult, GroupStats, Results } from '../../core/results.js';

export const DEFAULT_MIN_GROUP = 5;

/** Why a group's figures are not shown. */
export type HiddenReason = 'small' | 'complement';

export interface GroupView {
  perspective: string;
  stats: GroupStats;
  /** Set when the group's figures must not be shown. */
  hidden?: HiddenReason | undefined;
}

export interface Spread {
  low: { perspective: string; mean: number };
  high: { perspective: string; mean: number };
  /** high − low, never negative. */
  gap: number;
  /** The gap between the means as shown, to one decimal: what the element shows. */
  shownGap: number;
}

export interface CriterionView {
  criterion: string;
  overall: GroupStats;
  /** True when the criterion as a whole has too few answers with a level to show. */
  overallHidden: boolean;
  /** Every perspective that has answers, in `perspectiveOrder`. */
  groups: GroupView[];
  /** Spread between the shown perspectives' means; undefined with fewer than two. */
  spread: Spread | undefined;
}

export interface HiddenCounts {
  /** Perspective groups hidden because they are below the threshold. */
  small: number;
  /** Perspective groups hidden so that a small one cannot be worked out from the totals. */
  complement: number;
  /** Criteria whose overall figures are below the threshold. */
  criteria: number;
}

/** Answers with a level: what a mean is made of and what the threshold counts. */
export function rated(stats: GroupStats): number {
  return stats.levels.reduce((sum, count) => sum + count, 0);
}

/** The share of "don't know" answers among all answers, or null without answers. */
export function dontKnowShare(stats: GroupStats): number | null {
  return stats.n > 0 ? stats.dontKnow / stats.n : null;
}

const KNOWN_PERSPECTIVES = ['citizen', 'authority', 'partner', 'business', 'education', 'civil-society'];
/** The group of answers given without a perspective (the reference collector's name for it). */
export const UNSPECIFIED_PERSPECTIVE = 'unspecified';

/** Known perspectives in their usual order, then the others alphabetically, `unspecified` last. */
export function perspectiveOrder(a: string, b: string): number {
  const rank = (p: string) => (p === UNSPECIFIED_PERSPECTIVE ? 2 : KNOWN_PERSPECTIVES.includes(p) ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (rank(a) === 0) return KNOWN_PERSPECTIVES.indexOf(a) - KNOWN_PERSPECTIVES.indexOf(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Applies the anonymity rule to one criterion's figures. */
export function protectGroups(
  result: CriterionResult,
  minGroup: number,
): { overallHidden: boolean; groups: GroupView[] } {
  const groups: GroupView[] = Object.keys(result.perspectives)
    .sort(perspectiveOrder)
    .map((perspective) => ({ perspective, stats: result.perspectives[perspective]! }))
    .filter((g) => g.stats.n > 0);
  const overallRated = rated(result.overall);
  // Fewer than minGroup levels would expose someone's; none at all exposes nothing.
  const few = (levels: number) => levels > 0 && levels < minGroup;
  const overallHidden = few(overallRated);
  for (const g of groups) if (overallHidden || few(rated(g.stats))) g.hidden = 'small';
  for (;;) {
    // A group without levels takes nothing from the remainder: hiding it would not help.
    const shown = groups.filter((g) => !g.hidden && rated(g.stats) > 0);
    if (!shown.length) break;
    const remainder = overallRated - shown.reduce((sum, g) => sum + rated(g.stats), 0);
    if (remainder <= 0 || remainder >= minGroup) break;
    const smallest = shown.reduce((a, b) => (rated(b.stats) < rated(a.stats) ? b : a));
    smallest.hidden = 'complement';
  }
  return { overallHidden, groups };
}

/**
 * A mean as the element shows it, to one decimal. Gaps and changes are worked out from the shown
 * means, so that they add up on screen ("1.6 and 2.3: a gap of 0.7") and two means that read the
 * same never show a gap or a change.
 */
export function tenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The difference of two means as shown: to one decimal, and 0 (never -0) for equal ones. */
export function shownDifference(a: number, b: number): number {
  return tenth(tenth(a) - tenth(b)) || 0;
}

/** The spread between the lowest and highest mean of the shown groups. */
export function spreadOf(groups: readonly GroupView[]): Spread | undefined {
  const shown = groups.filter(
    (g) => !g.hidden && g.stats.mean !== null && g.perspective !== UNSPECIFIED_PERSPECTIVE,
  ) as Array<GroupView & { stats: GroupStats & { mean: number } }>;
  if (shown.length < 2) return undefined;
  let low = shown[0]!;
  let high = shown[0]!;
  for (const g of shown) {
    if (g.stats.mean < low.stats.mean) low = g;
    if (g.stats.mean > high.stats.mean) high = g;
  }
  return {
    low: { perspective: low.perspective, mean: low.stats.mean },
    high: { perspective: high.perspective, mean: high.stats.mean },
    gap: high.stats.mean - low.stats.mean,
    shownGap: shownDifference(high.stats.mean, low.stats.mean),
  };
}

export interface ResultsView {
  criteria: CriterionView[];
  /** Criteria with a gap between perspectives (of 0.1 or more as shown), largest gap first (ties keep criteria order). */
  gaps: CriterionView[];
  hidden: HiddenCounts;
  /** Every perspective that appears, in `perspectiveOrder`. */
  perspectives: string[];
}

/**
 * Everything `<lc-results>` shows about one round, with the anonymity rule applied. `order`
 * lists criterion ids in the order of the active criteria set; ids it does not know follow in
 * the order of the results.
 */
export function analyse(results: Results, minGroup: number, order: readonly string[] = []): ResultsView {
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i === -1 ? order.length + results.criteria.findIndex((c) => c.criterion === id) : i;
  };
  const sorted = [...results.criteria].sort((a, b) => rank(a.criterion) - rank(b.criterion));
  const hidden: HiddenCounts = { small: 0, complement: 0, criteria: 0 };
  const perspectives = new Set<string>();
  const criteria = sorted.map((result): CriterionView => {
    const { overallHidden, groups } = protectGroups(result, minGroup);
    if (overallHidden && result.overall.n > 0) hidden.criteria += 1;
    for (const g of groups) {
      perspectives.add(g.perspective);
      if (g.hidden === 'small') hidden.small += 1;
      if (g.hidden === 'complement') hidden.complement += 1;
    }
    return { criterion: result.criterion, overall: result.overall, overallHidden, groups, spread: spreadOf(groups) };
  });
  const gaps = criteria
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.spread && c.spread.shownGap > 0)
    // By the gap as shown (one decimal), as it decides what is listed: sorted by the exact gap, a
    // 0.6 could come above a 0.7 (1.05–1.74 over 1.0–1.65). Exact gaps break a tie, then the order.
    .sort(
      (a, b) => b.c.spread!.shownGap - a.c.spread!.shownGap || b.c.spread!.gap - a.c.spread!.gap || a.index - b.index,
    )
    .map(({ c }) => c);
  return { criteria, gaps, hidden, perspectives: [...perspectives].sort(perspectiveOrder) };
}

/** The figures of a criterion nobody has answered, as the reference collector lists one. */
const UNANSWERED: GroupStats = { n: 0, levels: [0, 0, 0, 0, 0], dontKnow: 0, mean: null, median: null };

/**
 * The results with each criterion of `ids` that they do not list added, without answers. The
 * reference collector lists every criterion of the built-in set, answered or not, but a host's
 * own set only with answers (it does not know the set): given that set's ids, its criteria
 * nobody has answered yet are listed too, as the built-in set's are.
 */
export function withCriteria(results: Results, ids: readonly string[]): Results {
  const listed = new Set(results.criteria.map((c) => c.criterion));
  const missing = ids.filter((id) => !listed.has(id));
  if (!missing.length) return results;
  return {
    ...results,
    criteria: [
      ...results.criteria,
      ...missing.map((criterion) => ({ criterion, overall: UNANSWERED, perspectives: {} })),
    ],
  };
}

/** The overall mean of a criterion if it may be shown, else null. */
export function shownMean(view: CriterionView | undefined): number | null {
  return view && !view.overallHidden ? view.overall.mean : null;
}

/**
 * Change of the shown overall mean since the compared round, or null when either is missing;
 * `shown`: of the means as shown, to one decimal (what the element shows; exports are exact).
 */
export function change(
  current: CriterionView | undefined,
  previous: CriterionView | undefined,
  shown = false,
): number | null {
  const a = shownMean(current);
  const b = shownMean(previous);
  return a === null || b === null ? null : shown ? shownDifference(a, b) : a - b;
}
