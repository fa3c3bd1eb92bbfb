import * as z from '../core/zod.js';
import { ID_MAX, ID_MESSAGE, ID_PATTERN, LOCALE_TAG_MESSAGE, validTag } from '../core/checks.js';

/** Ids are short kebab-case words: they end up in URLs, CSV columns and storage keys. */
export const idSchema = z.string().check(z.regex(ID_PATTERN, ID_MESSAGE), z.maxLength(ID_MAX));

/**
 * A BCP 47 language tag by the one rule of `validTag` (what Intl takes, at most 35 characters once
 * trimmed; `da_DK` as `da-DK`), as attributes, envelopes and journal entries take it; read in its
 * canonical form (`DA-dk` is `da-DK`). At least two characters: no tag is shorter, and the
 * published JSON Schema says so.
 */
export const localeTagSchema = z.string().check(
  z.minLength(2, { error: LOCALE_TAG_MESSAGE, abort: true }),
  z.refine((v) => validTag(v) !== undefined, LOCALE_TAG_MESSAGE),
  z.overwrite((v) => validTag(v) ?? v),
);

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max));

export { LEVELS, type Level } from './builtin.js';
export const levelSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const criterionSchema = z.object({
  id: idSchema,
  /** A short title, a few words. */
  title: text(120),
  /** The question the community asks itself. */
  question: text(400),
  /** Why it matters for a community that learns. */
  why: text(2000),
  /** Three to five reflective prompts. */
  prompts: z.array(text(400)).check(z.minLength(3), z.maxLength(5)),
  /** What each level (0 to 4) looks like for this criterion. */
  levels: z.tuple([text(600), text(600), text(600), text(600), text(600)]),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const criteriaSetSchema = z
  .object({
    id: idSchema,
    version: z
      .string()
      .check(z.regex(/^\d+\.\d+(?:\.\d+)?$/, 'must be a version such as "1.0" or "1.2.0"'), z.maxLength(40)),
    /** BCP 47 language tag of the set's content, by the same rule as every other. */
    locale: localeTagSchema,
    /** Name of the set, shown in headings and exports. */
    name: text(200),
    criteria: z.array(criterionSchema).check(z.minLength(1, 'must hold at least one criterion'), z.maxLength(200)),
  })
  .check(
    // Each id once; a repeat is named where it is (in a set of 200 criteria, "must be unique" alone
    // leaves the author searching).
    z.superRefine((set, ctx) => {
      const first = new Map<string, number>();
      set.criteria.forEach((c, i) => {
        const at = first.get(c.id);
        if (at === undefined) first.set(c.id, i);
        else
          ctx.addIssue({
            code: 'custom',
            message: `criterion ids must be unique: "${c.id}" is the id of criteria[${at}] too`,
            path: ['criteria', i, 'id'],
            input: c.id,
          });
      });
    }),
  );

/** The fields a criteria set and each of its criteria have: any other is ignored (see parse.ts). */
export const CRITERIA_SET_FIELDS = ['id', 'version', 'locale', 'name', 'criteria'];
export const CRITERION_FIELDS = ['id', 'title', 'question', 'why', 'prompts', 'levels'];
export type CriteriaSet = z.infer<typeof criteriaSetSchema>;
