// Building an envelope without zod, so an element that only rates (or shows a card) does not load
// a schema library to send one answer. `envelope.ts` holds the schema, the contract the collector
// checks; the checks here follow it (`test/envelope.test.ts` holds them to it on a corpus), and an
// element that loads zod anyway passes the schema's full check as `validate`.
import { LEVELS, type Level } from '../criteria/builtin.js';
import {
  groupName,
  groupText,
  idCheck,
  isHttpUrl,
  LOCALE_TAG_MESSAGE,
  LONE_SURROGATE_MESSAGE,
  loneSurrogateAt,
  validTag,
} from './checks.js';
import { formatPath } from './issues.js';
import type { DataOf, Envelope, EnvelopeOf, RatingData, SubmissionKind } from './envelope.js';

/** The schema tag every envelope carries; bumped only on a breaking change. */
export const ENVELOPE_SCHEMA = 'lc-submission/1';

/** What an element knows about where and for whom it submits. */
export interface EnvelopeContext {
  community: string;
  round: string;
  perspective?: string | undefined;
  criteriaSet: { id: string; version: string };
  locale: string;
  respondent?: string | undefined;
  /** The id of the person's earlier submission this one replaces ("change my answer"). */
  replaces?: string | undefined;
}

/**
 * True when `envelope` was sent for `respondent` (the page's, as its `<lc-community>` sets it), or
 * neither names one. On a shared device (a kiosk, one person after another), a submission one
 * person left waiting is never shown to the next as theirs, nor replaced by what they send.
 */
export function sameRespondent(envelope: Envelope, respondent: string | undefined): boolean {
  return (envelope.respondent ?? '') === (respondent ?? '');
}

/** A full check of an envelope: `undefined` when it fits, otherwise the problems, one per path. */
export type EnvelopeValidator = (envelope: Envelope) => string | undefined;

/** A UUID as `newId` makes them (any version, lower case or upper). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; portals served over plain http on an intranet still work.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const isId = (v: unknown) => idCheck(v) === undefined;
const within = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max;
/** A community, round or perspective: checked trimmed, as the schema does; never `__proto__`, nor hidden characters. */
const communityName = groupName(200);
const roundName = groupName(100);

/** The envelope's own fields and a rating's data, as the schema has them; one line per problem. */
export function checkEnvelope(e: Envelope): string | undefined {
  const problems: string[] = [];
  const need = (ok: boolean, path: string, message: string) => ok || problems.push(`${path}: ${message}`);
  need(
    !communityName(e.community),
    'community',
    'must be 1 to 200 characters, not "__proto__", without control or invisible characters',
  );
  need(
    !roundName(e.round),
    'round',
    'must be 1 to 100 characters, not "__proto__", without control or invisible characters',
  );
  need(
    e.perspective === undefined || !roundName(e.perspective),
    'perspective',
    'must be 1 to 100 characters, not "__proto__", without control or invisible characters',
  );
  need(e.respondent === undefined || within(e.respondent, 1, 200), 'respondent', 'must be 1 to 200 characters');
  need(
    e.replaces === undefined || (typeof e.replaces === 'string' && UUID_PATTERN.test(e.replaces)),
    'replaces',
    'must be a UUID',
  );
  need(isId(e.criteriaSet.id), 'criteriaSet.id', 'must be kebab-case letters and digits');
  need(within(e.criteriaSet.version, 1, 40), 'criteriaSet.version', 'must be 1 to 40 characters');
  need(validTag(e.locale) !== undefined, 'locale', LOCALE_TAG_MESSAGE);
  need(e.criterion === undefined ? e.kind !== 'rating' : isId(e.criterion), 'criterion', 'must be a criterion id');
  if (e.kind === 'rating') {
    const d: Partial<RatingData> = e.data ?? {};
    need(d.level === null || LEVELS.includes(d.level as Level), 'data.level', 'must be 0 to 4 or null');
    need(d.comment === undefined || within(d.comment, 0, 4000), 'data.comment', 'must be at most 4000 characters');
    need(
      d.evidence === undefined || (typeof d.evidence === 'string' && isHttpUrl(d.evidence)),
      'data.evidence',
      'must be an http(s) URL',
    );
  }
  // Half a character anywhere (a host's string cut in two) is not text: no collector can take it.
  const half = loneSurrogateAt(e);
  if (half) problems.push(`${formatPath(half)}: ${LONE_SURROGATE_MESSAGE}`);
  return problems.length ? problems.slice(0, 8).join('; ') : undefined;
}

/**
 * The fields lc-submission/1 has, by place: the envelope's own, its criteria set's, each kind's
 * data, and the items of its lists (figures is a record: any key). The schema allows no others.
 * @internal exported for the test that holds it to the schema
 */
export const FIELDS: Readonly<Record<string, string>> = {
  '': 'schema id kind community round perspective respondent criteriaSet criterion locale createdAt replaces data',
  criteriaSet: 'id version',
  rating: 'level comment evidence',
  assessment: 'answers',
  answers: 'criterion level comment evidence',
  partnerships: 'directed actors ties figures',
  actors: 'id name sector',
  ties: 'source target level independent',
  'journal-entry': 'title date criteria practised tested challenged concluded change participants',
};

/** The first field of `e` that lc-submission/1 does not have, as its path ("data.note"), if any. */
function unknownField(e: Envelope): string | undefined {
  const extra = (o: unknown, place: string, path: string): string | undefined => {
    if (!o || typeof o !== 'object' || !FIELDS[place]) return undefined;
    const known = FIELDS[place].split(' ');
    const key = Object.keys(o).find((k) => !known.includes(k));
    return key === undefined ? undefined : path + key;
  };
  const d = e.data as Record<string, unknown> | undefined;
  const each = (place: string) => {
    const items = d?.[place];
    return Array.isArray(items) ? items.map((x, i) => extra(x, place, `data.${place}.${i}.`)).find(Boolean) : undefined;
  };
  return (
    extra(e, '', '') ??
    extra(e.criteriaSet, 'criteriaSet', 'criteriaSet.') ??
    extra(d, e.kind, 'data.') ??
    each('answers') ??
    each('actors') ??
    each('ties')
  );
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

/**
 * A date and time as lc-submission/1 takes it (the schema's `z.iso.datetime()`, without zod on a
 * rating's page): `2026-11-30T15:00:03.205Z`, in UTC, a day and time that exist. Not a date
 * alone, an offset (`+00:00`) or `toUTCString()`'s text, which the collector refuses.
 * @internal exported for the test that holds it to the schema
 */
export function isoUtc(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_UTC.test(value)) return false;
  const time = Date.parse(value);
  // 30 February or 24:00 parse to another day, or not at all.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

/**
 * Checks an envelope a host put in place of the element's in `lc-submit` (a host may change the
 * submission): the whole of it, as the element's own, and still of the element's `kind`.
 */
export function checkChanged(e: unknown, kind: SubmissionKind, validate?: EnvelopeValidator): string | undefined {
  const x = e as Envelope | null;
  if (!x || typeof x !== 'object' || !x.criteriaSet || typeof x.criteriaSet !== 'object') {
    return 'not an lc-submission/1 envelope';
  }
  const problems = [
    x.schema === ENVELOPE_SCHEMA || `schema: must be "${ENVELOPE_SCHEMA}"`,
    (typeof x.id === 'string' && UUID_PATTERN.test(x.id)) || 'id: must be a UUID',
    x.kind === kind || `kind: must stay "${kind}"`,
    isoUtc(x.createdAt) || 'createdAt: must be a date and time in UTC, as toISOString() writes it',
    (!!x.data && typeof x.data === 'object') || 'data: must be an object',
  ].filter((p): p is string => p !== true);
  // A field the schema does not have would reach a collector that refuses it, or drops it unsaid.
  const unknown = unknownField(x);
  if (unknown) problems.push(`${unknown}: is not a field of ${ENVELOPE_SCHEMA}`);
  return problems.length ? problems.join('; ') : (checkEnvelope(x) ?? validate?.(x));
}

/**
 * Builds an envelope and checks it (with {@link checkEnvelope}, then `validate` when given);
 * throws a readable error when it does not fit.
 */
export function buildEnvelope<K extends SubmissionKind>(
  kind: K,
  ctx: EnvelopeContext,
  data: DataOf<K>,
  criterion?: string,
  validate?: EnvelopeValidator,
): EnvelopeOf<K> {
  const envelope = {
    schema: ENVELOPE_SCHEMA,
    id: newId(),
    kind,
    // Trimmed and composed (NFC), as the collector compares them: " citizen" and "citizen" are
    // one group, and so are "é" as one character and "e" with an accent.
    community: groupText(ctx.community),
    round: groupText(ctx.round),
    ...(ctx.perspective?.trim() ? { perspective: groupText(ctx.perspective) } : {}),
    criteriaSet: { id: ctx.criteriaSet.id, version: ctx.criteriaSet.version },
    ...(criterion ? { criterion } : {}),
    // In canonical form (`da-DK`), as the schema reads it; one that is not a tag is refused below.
    locale: validTag(ctx.locale) ?? ctx.locale,
    createdAt: new Date().toISOString(),
    ...(ctx.respondent ? { respondent: ctx.respondent } : {}),
    ...(ctx.replaces ? { replaces: ctx.replaces } : {}),
    data,
  } as EnvelopeOf<K>;
  const problem = checkEnvelope(envelope) ?? validate?.(envelope);
  if (problem) throw new Error(`Invalid ${kind} submission: ${problem}`);
  return envelope;
}
