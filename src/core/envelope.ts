import * as z from './zod.js';
import { idSchema, levelSchema, localeTagSchema } from '../criteria/schema.js';
import { buildEnvelope, ENVELOPE_SCHEMA, UUID_PATTERN, type EnvelopeContext } from './build-envelope.js';
import {
  HIDDEN_CHARACTERS,
  HTTP_URL_MAX,
  HTTP_URL_PATTERN,
  LONE_SURROGATE_MESSAGE,
  loneSurrogateAt,
} from './checks.js';
import { formatIssues } from './issues.js';

export { ENVELOPE_SCHEMA, newId, type EnvelopeContext, type EnvelopeValidator } from './build-envelope.js';
export { formatIssues, formatPath } from './issues.js';

export const SUBMISSION_KINDS = ['rating', 'assessment', 'partnerships', 'journal-entry'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** A UUID in lower case, whatever case it was sent in: the same id is one submission. */
const uuidSchema = z.string().check(z.regex(UUID_PATTERN, 'must be a UUID'), z.toLowerCase());
/**
 * A name that groups answers (community, round, perspective): compared after trimming and in
 * composed form (NFC: "é" typed as "e" and an accent is the same "é"), as the collector's queries
 * are, and never `__proto__`, which an object keyed by it would drop.
 */
const groupName = (max: number) =>
  z.string().check(
    z.trim(),
    z.normalize('NFC'),
    z.minLength(1),
    z.maxLength(max),
    z.refine((v) => v !== '__proto__', 'must not be "__proto__"'),
    z.refine((v) => !HIDDEN_CHARACTERS.test(v), 'must not contain control or invisible characters'),
  );
const shortText = (max: number) => z.string().check(z.maxLength(max));
/** Evidence links are http(s) only: a `javascript:` URL is never accepted, stored or rendered. */
export const httpUrlSchema = z
  .string()
  .check(z.maxLength(HTTP_URL_MAX), z.regex(HTTP_URL_PATTERN, 'must be an http(s) URL'));

/** A level, or `null` for "don't know". */
export const answerLevelSchema = z.nullable(levelSchema);

export const ratingDataSchema = z.object({
  level: answerLevelSchema,
  comment: z.optional(shortText(4000)),
  evidence: z.optional(httpUrlSchema),
});
export type RatingData = z.infer<typeof ratingDataSchema>;

export const assessmentDataSchema = z.object({
  answers: z
    .array(
      z.object({
        criterion: idSchema,
        level: answerLevelSchema,
        comment: z.optional(shortText(4000)),
        evidence: z.optional(httpUrlSchema),
      }),
    )
    .check(z.minLength(1), z.maxLength(200)),
});
export type AssessmentData = z.infer<typeof assessmentDataSchema>;

export const actorSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  sector: z.string().check(z.minLength(1), z.maxLength(64)),
});
export type Actor = z.infer<typeof actorSchema>;

export const tieSchema = z.object({
  source: z.string().check(z.minLength(1), z.maxLength(64)),
  target: z.string().check(z.minLength(1), z.maxLength(64)),
  level: levelSchema,
  independent: z.boolean(),
});
export type Tie = z.infer<typeof tieSchema>;

/**
 * The figures derived from a matrix (see `computeFigures`): numbers, short text and lists, at most
 * three levels deep (`sectorLinks[i].strength`). Bounded, so that no client can send a value a
 * database cannot store.
 */
const figureKey = z.string().check(z.minLength(1), z.maxLength(64));
const figureScalar = z.union([z.number(), z.string().check(z.maxLength(200)), z.boolean(), z.null()]);
const figureLeaf = z.union([figureScalar, z.array(figureScalar), z.record(figureKey, figureScalar)]);
const figureValue = z.union([figureScalar, z.array(figureLeaf), z.record(figureKey, figureLeaf)], {
  error: 'must be a number, short text, true/false, null, or a list or object of them (three levels at most)',
});

/** True when an object (at any depth) has an own key `__proto__`, which a record would silently drop. */
/** Where in `value` an object has a key named `__proto__` (the keys to it), if one has. */
function protoKeyAt(value: unknown, depth = 0): string[] | undefined {
  if (!value || typeof value !== 'object' || depth > 4) return undefined;
  if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '__proto__')) return [];
  for (const [key, v] of Object.entries(value)) {
    const below = protoKeyAt(v, depth + 1);
    if (below) return [key, ...below];
  }
  return undefined;
}

export const figuresSchema = z.pipe(
  z.unknown().check(
    z.superRefine((value, ctx) => {
      // Named where it is (data.figures.a), as every other problem is named by its path.
      const path = protoKeyAt(value);
      if (path) ctx.addIssue({ code: 'custom', message: 'must not have a key named "__proto__"', input: value, path });
    }),
  ),
  z.record(figureKey, figureValue),
);

export const partnershipsDataSchema = z
  .object({
    directed: z.optional(z.boolean()),
    actors: z.array(actorSchema).check(z.maxLength(500)),
    ties: z.array(tieSchema).check(z.maxLength(250_000)),
    figures: figuresSchema,
  })
  .check(
    z.superRefine((data, ctx) => {
      // What <lc-partnership-matrix> can hold: unique actor ids, ties between two of them.
      const ids = new Set<string>();
      data.actors.forEach((actor, i) => {
        if (ids.has(actor.id)) {
          ctx.issues.push({
            code: 'custom',
            input: actor.id,
            path: ['actors', i, 'id'],
            message: `another actor already has the id "${actor.id}"`,
          });
        }
        ids.add(actor.id);
      });
      data.ties.forEach((tie, i) => {
        for (const end of ['source', 'target'] as const) {
          if (!ids.has(tie[end])) {
            ctx.issues.push({
              code: 'custom',
              input: tie[end],
              path: ['ties', i, end],
              message: `no actor has the id "${tie[end]}"`,
            });
          }
        }
        if (tie.source === tie.target) {
          ctx.issues.push({
            code: 'custom',
            input: tie,
            path: ['ties', i],
            message: `a tie from "${tie.source}" to itself is not possible`,
          });
        }
      });
    }),
  );
export type PartnershipsData = z.infer<typeof partnershipsDataSchema>;

export const journalEntryDataSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** The day the entry is about, `YYYY-MM-DD`. */
  date: z.iso.date({ error: 'must be a date YYYY-MM-DD' }),
  criteria: z.array(idSchema).check(z.maxLength(50)),
  practised: z.optional(shortText(10_000)),
  tested: z.optional(shortText(10_000)),
  challenged: z.optional(shortText(10_000)),
  concluded: z.optional(shortText(10_000)),
  change: z.optional(shortText(10_000)),
  participants: z.optional(shortText(2000)),
});
export type JournalEntryData = z.infer<typeof journalEntryDataSchema>;

const base = {
  schema: z.literal(ENVELOPE_SCHEMA),
  id: uuidSchema,
  community: groupName(200),
  round: groupName(100),
  perspective: z.optional(groupName(100)),
  criteriaSet: z.object({ id: idSchema, version: z.string().check(z.minLength(1), z.maxLength(40)) }),
  /** The language the person used: a BCP 47 tag, sent and stored in its canonical form (`da-DK`). */
  locale: localeTagSchema,
  createdAt: z.iso.datetime(),
  /** A respondent identifier: only present when the host passes one. */
  respondent: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /**
   * The id of the same person's earlier submission that this one replaces: sent after "change my
   * answer", so that a collector counts only the new answer.
   */
  replaces: z.optional(uuidSchema),
};

export const envelopeSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...base, kind: z.literal('rating'), criterion: idSchema, data: ratingDataSchema }),
    z.object({ ...base, kind: z.literal('assessment'), criterion: z.optional(idSchema), data: assessmentDataSchema }),
    z.object({
      ...base,
      kind: z.literal('partnerships'),
      criterion: z.optional(idSchema),
      data: partnershipsDataSchema,
    }),
    z.object({
      ...base,
      kind: z.literal('journal-entry'),
      criterion: z.optional(idSchema),
      data: journalEntryDataSchema,
    }),
  ])
  .check(
    z.superRefine((envelope, ctx) => {
      // Half a character (set by a host's script, or cut from a name) is not text: JSON in UTF-8
      // cannot carry it, and a collector would refuse the whole body without naming the field.
      const path = loneSurrogateAt(envelope);
      if (path) ctx.issues.push({ code: 'custom', input: envelope, path, message: LONE_SURROGATE_MESSAGE });
    }),
  );
export type Envelope = z.infer<typeof envelopeSchema>;
export type EnvelopeOf<K extends SubmissionKind> = Extract<Envelope, { kind: K }>;
export type DataOf<K extends SubmissionKind> = EnvelopeOf<K>['data'];

/** Checks an envelope against the schema: `undefined` when it fits, otherwise one line per problem. */
export function validateEnvelope(envelope: unknown): string | undefined {
  const parsed = envelopeSchema.safeParse(envelope, z.EN);
  return parsed.success ? undefined : formatIssues(parsed.error.issues);
}

/** Builds and validates an envelope against the full schema; throws a readable error when the data does not fit. */
export function createEnvelope<K extends SubmissionKind>(
  kind: K,
  ctx: EnvelopeContext,
  data: DataOf<K>,
  criterion?: string,
): EnvelopeOf<K> {
  return buildEnvelope(kind, ctx, data, criterion, validateEnvelope);
}
