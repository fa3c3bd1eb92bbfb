import * as z from './zod.js';
import { idSchema } from '../criteria/schema.js';

/**
 * Aggregated answers, as the reference collector's `GET /api/results` returns them and
 * `<lc-results>` reads them. Published as `dist/schemas/results.schema.json`.
 */
const count = z.int().check(z.gte(0));
const level = z.nullable(z.number().check(z.gte(0), z.lte(4)));

export const groupStatsSchema = z.object({
  /** Every answer, "don't know" included. */
  n: count,
  /** How many answers chose each level 0..4. */
  levels: z.tuple([count, count, count, count, count]),
  /** "Don't know" answers, never counted in mean or median. */
  dontKnow: count,
  /** Mean level over the answers with a level; null when there are none. */
  mean: level,
  median: level,
});
export type GroupStats = z.infer<typeof groupStatsSchema>;

/**
 * The most perspective groups one criterion may have. A real community has a handful; an answer
 * with thousands (perspectives invented by whoever posts) would take seconds to show and tens of
 * thousands of table cells, so it is refused as malformed. The reference collector keeps at most
 * 100 named perspectives per round, besides `unspecified`.
 */
export const MAX_PERSPECTIVES = 200;

export const criterionResultSchema = z.object({
  criterion: idSchema,
  overall: groupStatsSchema,
  /** The same figures per perspective (citizen, authority, partner, business…). */
  perspectives: z.record(z.string().check(z.minLength(1), z.maxLength(100)), groupStatsSchema).check(
    z.refine((groups) => Object.keys(groups).length <= MAX_PERSPECTIVES, {
      message: `must have at most ${MAX_PERSPECTIVES} perspectives`,
    }),
  ),
});
export type CriterionResult = z.infer<typeof criterionResultSchema>;

export const resultsSchema = z.object({
  schema: z.literal('lc-results/1'),
  community: z.string().check(z.minLength(1), z.maxLength(200)),
  round: z.string().check(z.minLength(1), z.maxLength(100)),
  /** Rounds the collector holds for this community, oldest first. */
  rounds: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(500))),
  criteriaSet: z.optional(z.object({ id: idSchema, version: z.string().check(z.maxLength(40)) })),
  /** When the figures were computed (ISO 8601, with `Z` or a UTC offset: Python's isoformat() writes `+00:00`). */
  generatedAt: z.iso.datetime({ offset: true }),
  criteria: z.array(criterionResultSchema).check(z.maxLength(200)),
});
export type Results = z.infer<typeof resultsSchema>;

/** Figures for one group from its answers (a level, or null for "don't know"). Pure: shared by collector and tests. */
export function groupStats(answers: ReadonlyArray<number | null>): GroupStats {
  const levels: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let dontKnow = 0;
  const values: number[] = [];
  for (const a of answers) {
    if (a === null) dontKnow += 1;
    else {
      levels[a as 0 | 1 | 2 | 3 | 4] += 1;
      values.push(a);
    }
  }
  values.sort((x, y) => x - y);
  const mid = values.length >> 1;
  const median = !values.length ? null : values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  const mean = values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
  return { n: answers.length, levels, dontKnow, mean, median };
}
