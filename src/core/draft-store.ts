import { get, promisifyRequest, type UseStore } from 'idb-keyval';
import { deviceStore } from './device-db.js';
import type { StoragePolicy } from './outbox.js';
import * as z from './zod.js';
import { memoryBackend, type StorageBackend } from './storage-backend.js';

/**
 * The database that `<lc-reflection-journal>` keeps its drafts in (see its drafts.ts for the keys)
 * and `<lc-partnership-matrix>` the map being built (`matrix:…`, see its draft.ts).
 */
export const DRAFTS_DB = 'lc-elements-drafts';
export const DRAFTS_STORE = 'drafts';

/** An element's own `draft-key` (the journal's, the matrix's): text, 1 to 200 characters once trimmed. */
export const draftKeySchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'is empty'), z.maxLength(200, 'is longer than 200 characters'));

/** Whose writing a key names: the respondent the host names, and their perspective. */
export interface KeyPerson {
  respondent?: string | undefined;
  perspective?: string | undefined;
}

/**
 * The key of what an element keeps for the person the host names (a shared device, one person
 * after another): `<kind>@<respondent>/<perspective>:<rest>` for `<kind>:<rest>`, each part
 * URI-encoded (the perspective empty when there is none), so one respondent never reads another's.
 * It never equals a key without a respondent, whatever a host's `draft-key` holds. Without a
 * respondent, the key as it is (as earlier versions kept it).
 */
export function personalKey(key: string, person: KeyPerson): string {
  const respondent = person.respondent?.trim();
  if (!respondent) return key;
  const colon = key.indexOf(':');
  const who = `${encodeURIComponent(respondent)}/${encodeURIComponent(person.perspective?.trim() ?? '')}`;
  return `${key.slice(0, colon)}@${who}${key.slice(colon)}`;
}

/** Whose writing is kept on a shared device, to compare: the respondent and their perspective; empty without a respondent. */
export function personOf(person: KeyPerson): string {
  const respondent = person.respondent?.trim();
  return respondent ? `${respondent}\n${person.perspective?.trim() ?? ''}` : '';
}

/** A key-value store for drafts: IndexedDB, or memory. */
export interface DraftStore extends StorageBackend {
  /** True while values go to IndexedDB; false for memory (policy `none`, or after IndexedDB failed). */
  readonly persistent: boolean;
  /** Why device storage was given up, if it was. */
  readonly failure: string | undefined;
}

/**
 * True for a record this build wrote (`hostRound: true`): keyed by the round the host set, none
 * when it sets none. An earlier build kept work under the year a round defaulted to, and wrote no
 * such field; a page that sets no round takes up only such a record from that year's key, never
 * the work of a page that sets that year as its round, kept under the same key.
 */
export function keyedByHostRound(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { hostRound?: unknown }).hostRound === true;
}

/**
 * Moves the record an earlier build kept under `from` to `to`, unless `to` holds one already (then
 * `from` stays as it is): what the element reads at `to` next is the person's, under today's key.
 * A record (an object, not a list) is marked as this build's there (see keyedByHostRound).
 * `earlierOnly`: a record this build wrote under `from` is another page's, and stays where it is
 * (`from` is the year a round defaulted to, and a page that sets that year keeps its work there).
 */
export async function takeUpRecord(
  store: StorageBackend,
  from: string | undefined,
  to: string,
  earlierOnly = false,
): Promise<void> {
  if (from === undefined || from === to || (await store.get(to)) !== undefined) return;
  const old = await store.get(from);
  if (old === undefined || (earlierOnly && keyedByHostRound(old))) return;
  const record = typeof old === 'object' && old !== null && !Array.isArray(old);
  await store.set(to, record ? { ...old, hostRound: true } : old);
  await store.delete(from);
}

export function indexedDbBackend(dbName = DRAFTS_DB, storeName = DRAFTS_STORE): StorageBackend {
  let store: UseStore | undefined;
  // Opened on first use: a page that never writes a draft never creates the database. Lost under
  // the page (deleted, the site's data cleared), what is on screen is written again at the next edit.
  const use = () => (store ??= deviceStore(dbName, storeName));
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
