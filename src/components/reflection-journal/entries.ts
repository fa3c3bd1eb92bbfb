import * as z from '../../core/zod.js';
import { formatIssues, formatPath, journalEntryDataSchema, type Envelope } from '../../core/envelope.js';
import { fetchJson, type ParseResult } from '../../core/fetch-json.js';
import { idSchema, localeTagSchema } from '../../criteria/schema.js';

/** The most entries an `entries-src` answer may hold. */
export const MAX_ENTRIES = 5000;

/**
 * One journal entry as `entries-src` serves it, as the browser remembers what it sent, and as the
 * JSON export writes it: a `journal-entry` envelope's fields that matter for reading (a whole
 * envelope fits; other fields are ignored).
 */
export const journalEntrySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  /** When the entry was written (ISO 8601). */
  createdAt: z.iso.datetime({ offset: true, error: 'must be a date and time in ISO 8601' }),
  /** The language the entry was written in. */
  locale: z.optional(localeTagSchema),
  criterion: z.optional(idSchema),
  data: journalEntryDataSchema,
});
export type StoredEntry = z.infer<typeof journalEntrySchema>;

const entryListSchema = z.array(journalEntrySchema).check(z.maxLength(MAX_ENTRIES));

/** An entry as the journal lists it: where it came from is part of it. */
export interface JournalEntry extends StoredEntry {
  /** `device`: sent from this browser; `community`: only from the community's `entries-src`. */
  source: 'device' | 'community';
}

/**
 * The entry without its `locale` when that is not a language tag (`english`, `en US`: anyone may
 * post to a collector, and one that took such a tag once serves it for good). The locale only
 * marks the title's language: the entry is listed without it rather than lost, or losing the list.
 */
function withoutBadLocale(item: unknown): { item: unknown; bad?: unknown } {
  if (!item || typeof item !== 'object' || !Object.hasOwn(item, 'locale')) return { item };
  const { locale, ...rest } = item as { locale?: unknown };
  if (locale === undefined || localeTagSchema.safeParse(locale).success) return { item };
  return { item: rest, bad: locale };
}

/**
 * Validates an `entries-src` answer: an array of entries, or `{ "entries": [...] }` (the shape of
 * the JSON export). One bad entry refuses the whole answer; the error names its path. An entry's
 * `locale` that is not a language tag is ignored instead (the entry is listed without it), and the
 * console names each such entry, once per answer read.
 */
export function parseEntriesAnswer(input: unknown, name = 'entries-src'): ParseResult<StoredEntry[]> {
  const wrapped = !Array.isArray(input);
  const list = wrapped ? (input as { entries?: unknown } | null)?.entries : input;
  if (!Array.isArray(list)) return { ok: false, error: 'must be an array of journal entries, or { "entries": [...] }' };
  const at = (path: PropertyKey[]) => (wrapped ? ['entries', ...path] : path);
  const ignored: string[] = [];
  const items = list.map((entry, i) => {
    const { item, bad } = withoutBadLocale(entry);
    if (bad !== undefined && ignored.length < 10)
      ignored.push(`${formatPath(at([i, 'locale']))} (${JSON.stringify(bad)})`);
    return item;
  });
  const result = entryListSchema.safeParse(items, z.EN);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ ...i, path: at(i.path) }));
    return { ok: false, error: formatIssues(issues) };
  }
  if (ignored.length) {
    console.warn(
      `[lc-elements] <lc-reflection-journal> entries-src: ${name} has entries whose locale is not a language tag, ignored (the entries are listed without it): ${ignored.join(', ')}`,
    );
  }
  return { ok: true, value: result.data };
}

/** Fetches a community's entries and validates them. Reading only: submissions never go through here. */
export function fetchEntries(url: string, signal?: AbortSignal): Promise<ParseResult<StoredEntry[]>> {
  return fetchJson(url, (input) => parseEntriesAnswer(input, url), { signal });
}

/** The entry the browser remembers for a `journal-entry` envelope it sent. */
export function entryFromEnvelope(envelope: Envelope): StoredEntry | undefined {
  if (envelope.kind !== 'journal-entry') return undefined;
  return {
    id: envelope.id,
    createdAt: envelope.createdAt,
    locale: envelope.locale,
    ...(envelope.criterion ? { criterion: envelope.criterion } : {}),
    data: envelope.data,
  };
}

/**
 * Reads the stored list of sent entries; entries that no longer fit the schema are dropped, but
 * one kept with a locale an earlier version took is kept without it.
 */
export function parseStoredEntries(value: unknown): StoredEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((stored) => {
    const parsed = journalEntrySchema.safeParse(withoutBadLocale(stored).item, z.EN);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Newest first by the day the entry is about; entries of one day keep the order they are given in
 * (newest first already: the order the collector received them in). Never by `createdAt`, the
 * clock of the device that wrote each one, nor by `receivedAt`, the collector's clock, which goes
 * back when it is corrected and differs between two collectors sharing one database.
 */
export function newestFirst<T extends StoredEntry>(entries: readonly T[]): T[] {
  // Array.prototype.sort is stable: equal days stay in the order given.
  return [...entries].sort((a, b) => compare(b.data.date, a.data.date));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entries about one criterion (all when `criterion` is empty). */
export function filterByCriterion<T extends StoredEntry>(entries: readonly T[], criterion: string | undefined): T[] {
  if (!criterion) return [...entries];
  return entries.filter((e) => e.data.criteria.includes(criterion) || e.criterion === criterion);
}

/**
 * The journal's list: what this browser sent and what the community serves, once each (the
 * community's copy of an entry wins: it is what everyone else reads), newest first. Within a day,
 * the entries sent from here that the community's list does not hold yet come first (in the order
 * sent, newest first: the collector had not received them when it answered), then the community's
 * in the order it serves them (the order it received them in, newest first).
 */
export function mergeEntries(device: readonly StoredEntry[], community: readonly StoredEntry[]): JournalEntry[] {
  const sentHere = new Set(device.map((e) => e.id));
  const served = new Set(community.map((e) => e.id));
  const byId = new Map<string, JournalEntry>();
  for (const e of device) if (!served.has(e.id) && !byId.has(e.id)) byId.set(e.id, { ...e, source: 'device' });
  for (const e of community) {
    if (!byId.has(e.id)) byId.set(e.id, { ...e, source: sentHere.has(e.id) ? 'device' : 'community' });
  }
  return newestFirst([...byId.values()]);
}

/** The criteria ids the entries mention, in order of first appearance. */
export function criteriaOf(entries: readonly StoredEntry[]): string[] {
  const ids = new Set<string>();
  for (const e of entries) for (const c of e.data.criteria) ids.add(c);
  return [...ids];
}
