import { del, get, set, type UseStore } from 'idb-keyval';
import { DEVICE_TIMEOUT_MS, deviceStore } from '../../core/device-db.js';
import * as z from '../../core/zod.js';
import type { StoragePolicy } from '../../core/outbox.js';
import { memoryBackend, type StorageBackend } from '../../core/storage-backend.js';
import { answerOf, hasContent, type Answers } from './progress.js';

/**
 * Where `<lc-assessment>` keeps the answers given so far, so a person can stop and come back:
 * under the storage policy `device`, the IndexedDB database `lc-elements-assessment`, object store
 * `answers`, one record per community + round + criteria set + perspective, under the key
 * `<community>/<round>/<criteria set id>/<perspective>` (each part URI-encoded, the community, round and
 * perspective composed (NFC) as the envelope carries them; the round as the host sets it, never the year a round defaults to; the round and the perspective empty when not set), so a person answering as "citizen" and then as "partner" (or the
 * next person at a shared kiosk) never sees the other perspective's answers. When the host names
 * the `respondent`, it is a fifth part (`<community>/<round>/<criteria set id>/<perspective>/<respondent>`),
 * so on a shared device one respondent never sees another's answers; without one, the key is the
 * four parts above, as before. A record is
 * `{ v: 1, savedAt, hostRound: true, step?, pending?, replaces?, answers: { <criterion>: { value, comment, evidence } } }`,
 * where `pending` is the id of a submission of these answers still waiting in the outbox,
 * `replaces` the id of a submission sent before and taken back to be changed ("Change my answers"),
 * which the next one replaces, after a reload too, and `hostRound` says this build wrote it, under
 * the round the host set (an earlier build kept answers under the year a round defaulted to,
 * without it: only such a record is taken up from that year's key, see lc-assessment's syncStorage).
 * Under `none`, or when IndexedDB fails, answers live in the page's memory only.
 * A record is deleted on "start again" and once the answers have been delivered.
 *
 * Earlier versions kept them under `<community>/<round>/<criteria set id>` for every perspective
 * (see legacyAnswersKey): `<lc-assessment>` takes such a record up only where it is unambiguous
 * whose it is, and moves it to its perspective's key (see its legacyAnswers). A record kept without
 * the respondent (by an earlier version, or by an assessment with no respondent) is taken up by a
 * respondent's assessment only when a submission of it waits in the outbox sent for that respondent.
 */
export const ANSWERS_DB = 'lc-elements-assessment';
export const ANSWERS_STORE = 'answers';

const answerSchema = z.object({
  value: z.enum(['', '0', '1', '2', '3', '4', 'dont-know']),
  comment: z.string().check(z.maxLength(20_000)),
  evidence: z.string().check(z.maxLength(4000)),
});

export const keptAnswersSchema = z.object({
  v: z.literal(1),
  /** Epoch ms of the last save. */
  savedAt: z.number(),
  /** The step the person was on (a criterion id, or the review). */
  step: z.optional(z.string().check(z.maxLength(80))),
  /** The id of the submission made from these answers while it waits in the outbox. */
  pending: z.optional(z.string().check(z.maxLength(64))),
  /** The id of a submission these answers were taken back from, to be changed: the next one replaces it. */
  replaces: z.optional(z.string().check(z.maxLength(64))),
  /**
   * Written by this build, under the round the host set (none: empty). An earlier build kept
   * answers under the year a round defaulted to, without it: only such a record is taken up from
   * that year's key, never the answers of a page that sets that year as its round.
   */
  hostRound: z.optional(z.literal(true)),
  answers: z.record(z.string().check(z.maxLength(64)), answerSchema),
});
export type KeptAnswers = z.infer<typeof keptAnswersSchema>;

export interface AnswersKeyParts {
  community: string;
  round: string;
  /** The criteria set's id. */
  criteriaSet: string;
  /** The respondents' perspective (trimmed, as the envelope has it); none when absent or blank. */
  perspective?: string | undefined;
  /** The respondent the host names (a shared device); none when absent. */
  respondent?: string | undefined;
}

/**
 * The key of an assessment's record: one per community, round, criteria set and perspective, and
 * respondent when the host names one (without one, the key earlier versions of this one used).
 */
export function answersKey(parts: AnswersKeyParts): string {
  const key = `${legacyAnswersKey(parts)}/${encodeURIComponent(parts.perspective?.trim() ?? '')}`;
  return parts.respondent ? `${key}/${encodeURIComponent(parts.respondent)}` : key;
}

/** The key earlier versions kept an assessment's record under, whatever its perspective. */
export function legacyAnswersKey(parts: AnswersKeyParts): string {
  return [parts.community, parts.round, parts.criteriaSet].map((p) => encodeURIComponent(p)).join('/');
}

export function indexedDbAnswersBackend(dbName = ANSWERS_DB, storeName = ANSWERS_STORE): StorageBackend {
  let store: UseStore | undefined;
  // Opened on first use: a page that never answers anything never creates the database.
  const use = () => (store ??= deviceStore(dbName, storeName));
  return {
    get: async (key) => get(key, use()),
    set: async (key, value) => set(key, value, use()),
    delete: async (key) => del(key, use()),
  };
}

export interface WriteOptions {
  /** The step the person is on. */
  step?: string | undefined;
  /** The id of a submission of these answers still waiting in the outbox. */
  pending?: string | undefined;
  /** The id of a submission sent before that the next one replaces ("Change my answers"). */
  replaces?: string | undefined;
  /** Epoch ms; defaults to now. */
  savedAt?: number;
}

/**
 * Kept answers over a device backend that falls back to memory, for the rest of the page's life,
 * the first time the backend fails (private mode, blocked or full IndexedDB). The failed operation
 * is repeated in memory, so nothing given is lost while the page is open.
 */
export class AnswersStore {
  /** True while answers go to the device; false for memory (policy `none`, or after a failure). */
  persistent: boolean;
  /** Why device storage was given up, if it was. */
  failure: string | undefined;
  private backend: StorageBackend;
  private readonly memory: StorageBackend;
  private readonly timeoutMs: number;

  /**
   * `timeoutMs`: how long a device operation may take before the device counts as failed (an
   * IndexedDB open blocked by another tab never answers, and the person must not wait for it).
   */
  constructor(
    device: StorageBackend | undefined,
    memory: StorageBackend = memoryBackend(),
    timeoutMs = DEVICE_TIMEOUT_MS,
  ) {
    this.backend = device ?? memory;
    this.memory = memory;
    this.persistent = device !== undefined;
    this.timeoutMs = timeoutMs;
  }

  /** The kept answers under `key`; a record that does not fit the schema is ignored (and said so). */
  async read(key: string): Promise<KeptAnswers | undefined> {
    const value = await this.run((b) => b.get(key));
    if (value === undefined) return undefined;
    const parsed = keptAnswersSchema.safeParse(value, z.EN);
    if (parsed.success) return parsed.data;
    console.warn(`[lc-elements] <lc-assessment>: the kept answers "${key}" are not readable and were ignored.`);
    return undefined;
  }

  /** Keeps the answers (only those with content); an empty set of answers deletes the record. */
  async write(key: string, answers: Answers, options: WriteOptions = {}): Promise<void> {
    const kept: Answers = {};
    for (const [id, answer] of Object.entries(answers)) if (hasContent(answer)) kept[id] = { ...answer };
    if (!Object.keys(kept).length) return this.clear(key);
    const { step, pending, replaces, savedAt = Date.now() } = options;
    const record: KeptAnswers = {
      v: 1,
      savedAt,
      hostRound: true,
      ...(step ? { step } : {}),
      ...(pending ? { pending } : {}),
      ...(replaces ? { replaces } : {}),
      answers: kept,
    };
    await this.run((b) => b.set(key, record));
  }

  async clear(key: string): Promise<void> {
    await this.run((b) => b.delete(key));
  }

  private async run<T>(op: (backend: StorageBackend) => Promise<T>): Promise<T> {
    try {
      return await (this.persistent ? withTimeout(op(this.backend), this.timeoutMs) : op(this.backend));
    } catch (error) {
      if (!this.persistent) throw error;
      this.failure = (error as Error)?.message || String(error);
      console.warn(
        `[lc-elements] <lc-assessment>: device storage is unavailable (${this.failure}); ` +
          'answers are kept in memory only while the page is open.',
      );
      this.backend = this.memory;
      this.persistent = false;
      return op(this.backend);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`device storage did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const stores = new Map<StoragePolicy, AnswersStore>();
/** Answers under the policy `none` (and after a fallback) outlive an element, not the page. */
const pageMemory = new Map<string, unknown>();

/** The page's store for a storage policy (one per policy, shared by every assessment on the page). */
export function getAnswersStore(policy: StoragePolicy = 'device'): AnswersStore {
  let store = stores.get(policy);
  if (!store) {
    const device = policy === 'device' && typeof indexedDB !== 'undefined' ? indexedDbAnswersBackend() : undefined;
    store = new AnswersStore(device, memoryBackend(pageMemory));
    stores.set(policy, store);
  }
  return store;
}

/** The kept answers that belong to the set's criteria (a criterion removed from the set is dropped). */
export function restorableAnswers(kept: KeptAnswers, criteria: readonly string[]): Answers {
  const out: Answers = {};
  for (const id of criteria) {
    const answer = answerOf(kept.answers, id);
    if (answer && hasContent(answer)) out[id] = { ...answer };
  }
  return out;
}

/**
 * Serialises writes for one store: per key the latest operation wins, one runs at a time, so fast
 * typing never writes out of order or piles up.
 */
export class AnswersWriter {
  private readonly pending = new Map<string, () => Promise<void>>();
  private running: Promise<void> | undefined;
  private readonly onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void = () => {}) {
    this.onError = onError;
  }

  /** Schedules an operation on `key`; a newer one for the same key scheduled before it starts replaces it. */
  schedule(key: string, run: () => Promise<void>): Promise<void> {
    this.pending.delete(key);
    this.pending.set(key, run);
    if (!this.running) this.running = this.drain();
    return this.running;
  }

  /** Resolves when everything scheduled so far is done. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const next = this.pending.entries().next();
        if (next.done) break;
        const [key, run] = next.value;
        this.pending.delete(key);
        try {
          await run();
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.running = undefined;
    }
  }
}
