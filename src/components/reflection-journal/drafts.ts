import * as z from '../../core/zod.js';
import type { JournalEntryData } from '../../core/envelope.js';
import type { DraftStore } from '../../core/draft-store.js';

/*
 * Where `<lc-reflection-journal>` keeps what it writes on the device (storage policy `device`):
 * the IndexedDB database `lc-elements-drafts`, object store `drafts`, with three kinds of key:
 * - `draft:<community>/<round or "-">/<criterion or "-">` (each part URI-encoded, the names
 *   composed (NFC) as sent; the round as the host sets it, never the year a round defaults to), or `draft:<draft-key>`:
 *   the entry being written, `{ v: 1, savedAt, hostRound: true, draft }` (`hostRound`: kept by
 *   this build under the round the host set; an earlier build kept drafts under the year a round
 *   defaulted to, without it, and only such a draft is taken up from that year's key);
 * - `sent:<community>`: the entries sent from this browser (at most {@link SENT_LIMIT}), newest first;
 * - `kept:<community>`: entries not sent, kept until the person takes them back into the form (see
 *   {@link KeptEntry}): one the endpoint refused while the form held other writing, and writing set
 *   aside to make room for it.
 * When the host names a `respondent` (a shared device, one person after another), each key is that
 * person's: `draft@<respondent>/<perspective>:…`, `sent@<respondent>/<perspective>:<community>`,
 * `kept@<respondent>/<perspective>:<community>` (see personalKey), so one respondent never sees
 * another's draft, sent entries or entries not sent. Without one, the keys above, as before.
 * With the policy `none` nothing is written to the device: drafts live in the page's memory.
 */
// The store itself serves the partnership matrix too: it lives in core, and is named here as well.
export {
  DRAFTS_DB,
  DRAFTS_STORE,
  draftKeySchema,
  FallbackDraftStore,
  getDraftStore,
  indexedDbBackend,
  personalKey,
  personOf,
  type DraftStore,
  type KeyPerson,
} from '../../core/draft-store.js';
import { personalKey, type KeyPerson } from '../../core/draft-store.js';

/** How many entries sent from this browser are remembered per community. */
export const SENT_LIMIT = 200;

/** The five prompts of the learning loop, in order; the keys of `journalEntryDataSchema`. */
export const PROMPT_KEYS = ['practised', 'tested', 'challenged', 'concluded', 'change'] as const;
export type PromptKey = (typeof PROMPT_KEYS)[number];

/** The entry being written: every field as typed, nothing trimmed yet. */
export interface JournalDraft {
  title: string;
  date: string;
  criteria: string[];
  practised: string;
  tested: string;
  challenged: string;
  concluded: string;
  change: string;
  participants: string;
}

/** Generous bounds: a stored draft is read back as it was typed, limits are checked on sending. */
const draftText = z.string().check(z.maxLength(20_000));
export const journalDraftSchema = z.object({
  title: draftText,
  date: z.string().check(z.maxLength(40)),
  criteria: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(200)),
  practised: draftText,
  tested: draftText,
  challenged: draftText,
  concluded: draftText,
  change: draftText,
  participants: draftText,
});

export const storedDraftSchema = z.object({
  v: z.literal(1),
  /** Epoch ms of the last save. */
  savedAt: z.number(),
  /** Written by this build, under the round the host set (see keyedByHostRound); an earlier build's has none. */
  hostRound: z.optional(z.literal(true)),
  draft: journalDraftSchema,
});
export type StoredDraft = z.infer<typeof storedDraftSchema>;

/**
 * An entry kept aside, not sent: refused by the endpoint (with its reason) when the form was
 * holding other writing, or that other writing, set aside when the refused one was taken back.
 * Nothing in it is dropped: the person takes it back into the form when they choose.
 */
export const keptEntrySchema = z.object({
  /** The refused submission's id, or a new one for writing set aside. */
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Epoch ms it was kept. */
  keptAt: z.number(),
  draft: journalDraftSchema,
  /** The endpoint's reason, when it refused the entry; absent for writing set aside. */
  reason: z.optional(z.string().check(z.maxLength(4000))),
  /** The reason's language, when the endpoint named it (`Content-Language`). */
  reasonLang: z.optional(z.string().check(z.maxLength(64))),
});
export type KeptEntry = z.infer<typeof keptEntrySchema>;

/** Reads the stored list of kept entries; anything that does not fit the schema is dropped. */
export function parseKeptEntries(value: unknown): KeptEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = keptEntrySchema.safeParse(item, z.EN);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface DraftKeyParts {
  /** A host's own key (`draft-key`), used as is. */
  draftKey?: string | undefined;
  community: string;
  round: string;
  criterion?: string | undefined;
  /** The respondent the host names (a shared device), and their perspective: the draft is theirs. */
  respondent?: string | undefined;
  perspective?: string | undefined;
}

/** The key of the draft for a journal: its `draft-key`, or community + round + criterion (and the respondent's, see personalKey). */
export function draftKey(parts: DraftKeyParts): string {
  if (parts.draftKey) return personalKey(`draft:${parts.draftKey}`, parts);
  const segment = (value: string | undefined) => (value ? encodeURIComponent(value) : '-');
  return personalKey(`draft:${segment(parts.community)}/${segment(parts.round)}/${segment(parts.criterion)}`, parts);
}

/** The key under which the entries sent from this browser are kept, per community (and respondent, see personalKey). */
export function sentKey(community: string, person: KeyPerson = {}): string {
  return personalKey(`sent:${encodeURIComponent(community)}`, person);
}

/** The key under which entries not sent (refused, or set aside) are kept, per community (and respondent). */
export function keptKey(community: string, person: KeyPerson = {}): string {
  return personalKey(`kept:${encodeURIComponent(community)}`, person);
}

/** The local day as `YYYY-MM-DD` (not UTC: an entry written at 00:30 belongs to that day). */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyDraft(date: string, criteria: string[] = []): JournalDraft {
  return {
    title: '',
    date,
    criteria: [...criteria],
    practised: '',
    tested: '',
    challenged: '',
    concluded: '',
    change: '',
    participants: '',
  };
}

/** True when the draft holds nothing beyond a fresh one's defaults: there is nothing to keep. */
export function isBlank(draft: JournalDraft, fresh: JournalDraft): boolean {
  const texts = ['title', 'participants', ...PROMPT_KEYS] as const;
  return (
    texts.every((k) => !draft[k].trim()) &&
    draft.date === fresh.date &&
    draft.criteria.length === fresh.criteria.length &&
    draft.criteria.every((c) => fresh.criteria.includes(c))
  );
}

/** Reads a stored draft; anything that does not fit the schema is ignored (and said so in the console). */
export async function readDraft(store: DraftStore, key: string): Promise<StoredDraft | undefined> {
  const value = await store.get(key);
  if (value === undefined) return undefined;
  const parsed = storedDraftSchema.safeParse(value, z.EN);
  if (parsed.success) return parsed.data;
  console.warn(`[lc-elements] <lc-reflection-journal>: the stored draft "${key}" is not readable and was ignored.`);
  return undefined;
}

export async function writeDraft(store: DraftStore, key: string, draft: JournalDraft, savedAt: number): Promise<void> {
  const value: StoredDraft = { v: 1, savedAt, hostRound: true, draft };
  await store.set(key, value);
}

/** The envelope data for a draft: each text trimmed at its ends (inner line breaks kept), empty answers left out. */
export function draftToData(draft: JournalDraft): JournalEntryData {
  const data: JournalEntryData = { title: draft.title.trim(), date: draft.date, criteria: [...draft.criteria] };
  for (const key of PROMPT_KEYS) {
    const text = draft[key].trim();
    if (text) data[key] = text;
  }
  const participants = draft.participants.trim();
  if (participants) data.participants = participants;
  return data;
}

/** The draft that holds an entry's data again (after a rejection, the text goes back into the form). */
export function dataToDraft(data: JournalEntryData): JournalDraft {
  const draft = emptyDraft(data.date, data.criteria);
  draft.title = data.title;
  for (const key of PROMPT_KEYS) draft[key] = data[key] ?? '';
  draft.participants = data.participants ?? '';
  return draft;
}

/**
 * True when sending the draft would send `data` again: the same title, date, criteria (in any
 * order) and answers, each trimmed at its ends as it is sent.
 */
export function sameEntryData(draft: JournalDraft, data: JournalEntryData): boolean {
  const sent = draftToData(draft);
  const texts = ['title', 'participants', ...PROMPT_KEYS] as const;
  const criteria = (list: readonly string[]) => [...list].sort().join('\n');
  return (
    sent.date === data.date &&
    criteria(sent.criteria) === criteria(data.criteria) &&
    texts.every((k) => (sent[k] ?? '') === (data[k] ?? ''))
  );
}
