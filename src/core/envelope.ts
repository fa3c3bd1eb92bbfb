import * as z from './zod.js';
import { idSchema, levelSchema } from '../criteria/schema.js';

/** The schema tag every envelope carries; bumped only on a breaking change. */
export const ENVELOPE_SCHEMA = 'lc-submission/1';

export const SUBMISSION_KINDS = ['rating', 'assessment', 'partnerships', 'journal-entry'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

const uuidSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'must be a UUID'));
const shortText = (max: number) => z.string().check(z.maxLength(max));
/** Evidence links are http(s) only: a `javascript:` URL is never accepted, stored or rendered. */
export const httpUrlSchema = z
  .string()
  .check(z.maxLength(2000), z.regex(/^https?:\/\/[^\s]+$/i, 'must be an http(s) URL'));

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

export const partnershipsDataSchema = z.object({
  directed: z.optional(z.boolean()),
  actors: z.array(actorSchema).check(z.maxLength(500)),
  ties: z.array(tieSchema).check(z.maxLength(250_000)),
  figures: z.record(z.string(), z.unknown()),
});
export type PartnershipsData = z.infer<typeof partnershipsDataSchema>;

export const journalEntryDataSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** The day the entry is about, `YYYY-MM-DD`. */
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')),
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
  community: z.string().check(z.minLength(1), z.maxLength(200)),
  round: z.string().check(z.minLength(1), z.maxLength(100)),
  perspective: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  criteriaSet: z.object({ id: idSchema, version: z.string().check(z.minLength(1), z.maxLength(40)) }),
  locale: z.string().check(z.minLength(2), z.maxLength(35)),
  createdAt: z.iso.datetime(),
  /** A respondent identifier: only present when the host passes one. */
  respondent: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
};

export const envelopeSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('rating'), criterion: idSchema, data: ratingDataSchema }),
  z.object({ ...base, kind: z.literal('assessment'), criterion: z.optional(idSchema), data: assessmentDataSchema }),
  z.object({ ...base, kind: z.literal('partnerships'), criterion: z.optional(idSchema), data: partnershipsDataSchema }),
  z.object({
    ...base,
    kind: z.literal('journal-entry'),
    criterion: z.optional(idSchema),
    data: journalEntryDataSchema,
  }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;
export type EnvelopeOf<K extends SubmissionKind> = Extract<Envelope, { kind: K }>;
export type DataOf<K extends SubmissionKind> = EnvelopeOf<K>['data'];

/** What an element knows about where and for whom it submits. */
export interface EnvelopeContext {
  community: string;
  round: string;
  perspective?: string | undefined;
  criteriaSet: { id: string; version: string };
  locale: string;
  respondent?: string | undefined;
}

export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; portals served over plain http on an intranet still work.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Builds and validates an envelope; throws a readable error when the data does not fit. */
export function createEnvelope<K extends SubmissionKind>(
  kind: K,
  ctx: EnvelopeContext,
  data: DataOf<K>,
  criterion?: string,
): EnvelopeOf<K> {
  const candidate = {
    schema: ENVELOPE_SCHEMA,
    id: newId(),
    kind,
    community: ctx.community,
    round: ctx.round,
    ...(ctx.perspective ? { perspective: ctx.perspective } : {}),
    criteriaSet: { id: ctx.criteriaSet.id, version: ctx.criteriaSet.version },
    ...(criterion ? { criterion } : {}),
    locale: ctx.locale,
    createdAt: new Date().toISOString(),
    ...(ctx.respondent ? { respondent: ctx.respondent } : {}),
    data,
  };
  const parsed = envelopeSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(`Invalid ${kind} submission: ${formatIssues(parsed.error.issues)}`);
  return parsed.data as EnvelopeOf<K>;
}

/** One line per problem, each naming the path: `criteria[3].title: must not be empty`. */
export function formatIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 8)
    .map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`)
    .join('; ');
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}
