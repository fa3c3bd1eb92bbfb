import { createStore, get, promisifyRequest, type UseStore } from 'idb-keyval';
import * as z from '../../core/zod.js';
import type { JournalEntryData } from '../../core/envelope.js';
import type { StoragePolicy } from '../../core/outbox.js';
import { memoryBackend, type StorageBackend } from '../../core/storage-backend.js';

/**
 * Where `<lc-reflection-journal>` keeps what it writes on the device (storage policy `device`):
 * the IndexedDB database `lc-elements-drafts`, object store `drafts`, with two kinds of key:
 * - `draft:<community>/<round>/<criterion or "-">` (each part URI-encoded), or `draft:<draft-key>`:
 *   the entry being written, `{ v: 1, savedAt, draft }`;
 * - `sent:<community>`: the entries sent from this browser (at most {@link SENT_LIMIT}), newest first;
 * - `kept:<community>`: entries not sent, kept until the person takes them back into the form (see
 *   {@link KeptEntry}): one the endpoint refused while the form held other writing, and writing set
 *   aside to make room for it.
 * With the policy `none` nothing is written to the device: drafts live in the page's memory.
 */
export const DRAFTS_DB = 'lc-elements-drafts';
export const DRAFTS_STORE = 'drafts';
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
    const parsed = keptEntrySchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A key-value store for drafts: IndexedDB, or memory. */
export interface DraftStore extends StorageBackend {
  /** True while values go to IndexedDB; false for memory (policy `none`, or after IndexedDB failed). */
  readonly persistent: boolean;
  /** Why device storage was given up, if it was. */
  readonly failure: string | undefined;
}

export function indexedDbBackend(dbName = DRAFTS_DB, storeName = DRAFTS_STORE): StorageBackend {
  let store: UseStore | undefined;
  // Opened on first use: a page that never writes a draft never creates the database.
  const use = () => (store ??= createStore(dbName, storeName));
  // Writes commit explicitly: a write started on `pagehide` must not wait for the page to live on.
  const write = (change: (store: IDBObjectStore) => void) =>
    use()('readwrite', (store) => {
      change(store);
      const done = promisifyRequest(store.transaction);
      store.transaction.commit?.();
      return done;
    });
  return {
    get: async (key) => get(key, use()),
    set: async (key, value) => write((store) => store.put(value, key)),
    delete: async (key) => write((store) => store.delete(key)),
  };
}

/**
 * A store over a device backend that falls back to memory, for the rest of the page's life, the
 * first time the backend fails (private mode, blocked or full IndexedDB). The failed operation is
 * repeated in memory, so nothing typed is lost while the page is open.
 */
export class FallbackDraftStore implements DraftStore {
  persistent: boolean;
  failure: string | undefined;
  private backend: StorageBackend;
  private readonly memory: StorageBackend;

  constructor(device: StorageBackend | undefined, memory: StorageBackend = memoryBackend()) {
    this.backend = device ?? memory;
    this.memory = memory;
    this.persistent = device !== undefined;
  }

  get(key: string): Promise<unknown> {
    return this.run((b) => b.get(key));
  }

  set(key: string, value: unknown): Promise<void> {
    return this.run((b) => b.set(key, value));
  }

  delete(key: string): Promise<void> {
    return this.run((b) => b.delete(key));
  }

  private async run<T>(op: (backend: StorageBackend) => Promise<T>): Promise<T> {
    const backend = this.backend;
    try {
      return await op(backend);
    } catch (error) {
      if (backend === this.memory) throw error;
      // Operations started together all fail: the first switches to memory, each is repeated there.
      if (this.persistent) {
        this.failure = (error as Error)?.message || String(error);
        this.persistent = false;
        this.backend = this.memory;
        // The store serves the journal's drafts and the partnership map being built alike.
        console.warn(
          `[lc-elements] ${DRAFTS_DB}: device storage is unavailable (${this.failure}); journal drafts ` +
            'and partnership maps being built are kept in memory only while the page is open.',
        );
      }
      return op(this.memory);
    }
  }
}

const stores = new Map<StoragePolicy, DraftStore>();
/** Drafts under the policy `none` (and after a fallback) outlive an element, not the page. */
const pageMemory = new Map<string, unknown>();

/** The page's draft store for a storage policy (one per policy, shared by every journal on the page). */
export function getDraftStore(policy: StoragePolicy = 'device'): DraftStore {
  let store = stores.get(policy);
  if (!store) {
    const device = policy === 'device' && typeof indexedDB !== 'undefined' ? indexedDbBackend() : undefined;
    store = new FallbackDraftStore(device, memoryBackend(pageMemory));
    stores.set(policy, store);
  }
  return store;
}

export interface DraftKeyParts {
  /** A host's own key (`draft-key`), used as is. */
  draftKey?: string | undefined;
  community: string;
  round: string;
  criterion?: string | undefined;
}

/** The key of the draft for a journal: its `draft-key`, or community + round + criterion. */
export function draftKey(parts: DraftKeyParts): string {
  if (parts.draftKey) return `draft:${parts.draftKey}`;
  const segment = (value: string | undefined) => (value ? encodeURIComponent(value) : '-');
  return `draft:${segment(parts.community)}/${segment(parts.round)}/${segment(parts.criterion)}`;
}

/** The key under which the entries sent from this browser are kept, per community. */
export function sentKey(community: string): string {
  return `sent:${encodeURIComponent(community)}`;
}

/** The key under which entries not sent (refused, or set aside) are kept, per community. */
export function keptKey(community: string): string {
  return `kept:${encodeURIComponent(community)}`;
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
  const parsed = storedDraftSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  console.warn(`[lc-elements] <lc-reflection-journal>: the stored draft "${key}" is not readable and was ignored.`);
  return undefined;
}

export async function writeDraft(store: DraftStore, key: string, draft: JournalDraft, savedAt: number): Promise<void> {
  const value: StoredDraft = { v: 1, savedAt, draft };
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
