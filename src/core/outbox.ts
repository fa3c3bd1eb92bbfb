import { del, entries, set, type UseStore } from 'idb-keyval';
import { deviceStore } from './device-db.js';
import type { Envelope } from './envelope.js';
import { DEFAULT_BACKOFF, nextDelay, type BackoffOptions } from './retry.js';
import { underLock } from './locks.js';
import { tabChannel, type TabChannel } from './tabs.js';
import { checkedResult, type Transport, type TransportResult } from './transport.js';

/** Where the outbox (and drafts) live: `device` is IndexedDB, `none` keeps nothing on the device (memory only). */
export type StoragePolicy = 'device' | 'none';

export interface OutboxEntry {
  id: string;
  endpoint: string;
  envelope: Envelope;
  attempts: number;
  /** Epoch ms of the next attempt. */
  nextAttemptAt: number;
  queuedAt: number;
  lastError?: string;
  /** The HTTP status of the last try, when the server answered (busy): none after a lost connection. */
  lastStatus?: number | undefined;
  /**
   * Refused by its endpoint on a page where no element followed it (one an earlier load left): kept,
   * never tried again, until the element that made it shows the refusal (see Outbox.forget).
   */
  refused?: RefusedNote | undefined;
  /**
   * Epoch ms of its delivery, on a page where no element followed it (one an earlier load left):
   * kept, never sent again, until the element that made it shows it sent (see Outbox.forget). Its
   * absence is no sign of a delivery: the assessment's and the matrix's note of it would not say
   * whether it arrived or was refused after its element left the page, and the matrix's note, and
   * a rating, keep no copy of what was sent to show.
   */
  delivered?: number | undefined;
}

/** True for an entry settled on a page without its element, kept for that element (refused or delivered). */
export function keptForElement(entry: OutboxEntry): boolean {
  return !!entry.refused || entry.delivered !== undefined;
}

/** Why the endpoint refused a kept submission (see OutboxEntry.refused). */
export interface RefusedNote {
  message: string;
  status?: number | undefined;
  language?: string | undefined;
}

/**
 * The settlement an entry kept for its element records (see keptForElement), as the outbox told it
 * when it came: its refusal, with the endpoint's reason, or its delivery. Undefined for any other.
 */
export function keptEvent(entry: OutboxEntry): OutboxEvent | undefined {
  const note = entry.refused;
  if (note) {
    const result: TransportResult = {
      outcome: 'rejected',
      message: String(note.message),
      ...(note.status !== undefined ? { status: note.status } : {}),
      ...(note.language !== undefined ? { language: note.language } : {}),
    };
    return new OutboxEvent('rejected', entry, result);
  }
  return entry.delivered !== undefined ? new OutboxEvent('delivered', entry, { outcome: 'delivered' }) : undefined;
}

/**
 * A settlement of a submission no element on the page follows (an earlier load left it, or its
 * element left the page while it was on its way), kept for the element that made it, which is
 * elsewhere: a refusal, which it would take the entry's absence for a delivery of, to show with the
 * person's input; a delivery, which it would show blank (the assessment's answers, the map gone; a
 * rating asking again), inviting a second answer. Marked so, never sent again, until that element
 * shows it on its next load (see Outbox.forget).
 */
function keepFor(entry: OutboxEntry, result: TransportResult, now: number): OutboxEntry {
  if (result.outcome !== 'rejected') return { ...entry, delivered: now };
  return { ...entry, refused: { message: result.message, status: result.status, language: result.language } };
}

/**
 * Says in the console that a submission no element on the page shows (an earlier visit left it, or
 * its element left the page) was refused, and kept for its element.
 */
function refusedElsewhere(entry: OutboxEntry, refused: RefusedNote): void {
  const kind = entry.envelope.kind;
  const why = refused.status !== undefined ? `${refused.status} ${refused.message}` : refused.message;
  console.warn(
    `[lc-elements] ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} submission left by an earlier visit or by an element no longer on the page was refused by ${entry.endpoint} (${why}); ` +
      'kept on the device until its element shows it',
  );
}

export interface OutboxStore {
  readonly persistent: boolean;
  getAll(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Set by the outbox that uses a persistent store: called when what the store held is gone from
   * under the page (the database deleted by another tab, or the site's data cleared).
   */
  onLost?: (() => void) | undefined;
}

/** The IndexedDB database and store names; documented in the README's privacy section. */
export const OUTBOX_DB = 'lc-elements';
export const OUTBOX_STORE = 'outbox';

export function memoryStore(): OutboxStore {
  const map = new Map<string, OutboxEntry>();
  return {
    persistent: false,
    getAll: async () => [...map.values()].map((e) => structuredClone(e)),
    put: async (entry) => void map.set(entry.id, structuredClone(entry)),
    delete: async (id) => void map.delete(id),
  };
}

/**
 * True for a record an outbox could have written: an object with a text `id` and `endpoint`, an
 * envelope with a text `id`, and numeric counts. The store is the origin's: a record of another
 * shape (another script's, a damaged one) would otherwise stop every later submission's delivery.
 */
export function isOutboxEntry(value: unknown): value is OutboxEntry {
  const e = value as Partial<Record<keyof OutboxEntry, unknown>> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    typeof e.endpoint === 'string' &&
    typeof e.envelope === 'object' &&
    e.envelope !== null &&
    typeof (e.envelope as { id?: unknown }).id === 'string' &&
    typeof e.attempts === 'number' &&
    typeof e.nextAttemptAt === 'number' &&
    typeof e.queuedAt === 'number'
  );
}

let warnedOfRecords = false;

export function indexedDbStore(dbName = OUTBOX_DB, storeName = OUTBOX_STORE): OutboxStore {
  let store: UseStore | undefined;
  const use = () => (store ??= deviceStore(dbName, storeName, { onLost: () => outboxStore.onLost?.() }));
  const outboxStore: OutboxStore = {
    persistent: true,
    getAll: async () => {
      const all = (await entries<string, unknown>(use())).map(([, v]) => v);
      const ok = all.filter(isOutboxEntry);
      if (ok.length < all.length && !warnedOfRecords) {
        warnedOfRecords = true;
        console.warn(
          `[lc-elements] the outbox (IndexedDB "${dbName}") holds ${all.length - ok.length} record(s) it did not write; they are left alone`,
        );
      }
      return ok;
    },
    put: (entry) => set(entry.id, entry, use()),
    delete: (id) => del(id, use()),
  };
  return outboxStore;
}

export interface Sender {
  transport: Transport;
  /**
   * False once the element that made the submissions it sends has left the page (a framework's
   * navigation): one that settles then is kept for that element, as one an earlier load left is
   * (see keepFor). Without it, its element is taken to be on the page.
   */
  onPage?: () => boolean;
  /** Per-attempt timeout in ms. */
  timeoutMs?: number;
  backoff?: BackoffOptions;
}

export type OutboxEventType = 'queued' | 'replaced' | 'delivered' | 'retrying' | 'rejected' | 'storage-unavailable';

/**
 * Fired by an {@link Outbox} for each change of a submission's fate. `queued`: `entry` was queued,
 * here or in another tab. `replaced`: `entry` was queued, here or in another tab, in place of the
 * submission `replaced` names (its `replaces`, or the one it took back while that one waited:
 * "change my answer").
 */
export class OutboxEvent extends Event {
  constructor(
    type: OutboxEventType,
    readonly entry: OutboxEntry | undefined,
    readonly result?: TransportResult,
    readonly replaced?: string,
  ) {
    super(type);
  }
}

/**
 * What a tab's outbox tells the others: a submission it queued, one it settled (delivered or
 * refused) and removed from the store, or one it queued in place of another (`replaced`;
 * `withdrawn` when that one was taken back out of the store, never to be sent).
 */
type TabMessage =
  | { type: 'queued'; entry: OutboxEntry }
  | { type: 'delivered' | 'rejected'; entry: OutboxEntry; result: TransportResult }
  | { type: 'replaced'; entry: OutboxEntry; replaced: string; withdrawn: boolean };

function isTabMessage(m: unknown): m is TabMessage {
  const message = m as Partial<Record<string, unknown>> | null;
  if (typeof message !== 'object' || message === null || !isOutboxEntry(message['entry'])) return false;
  if (message['type'] === 'queued') return true;
  if (message['type'] === 'replaced') return typeof message['replaced'] === 'string';
  return (
    (message['type'] === 'delivered' || message['type'] === 'rejected') &&
    typeof message['result'] === 'object' &&
    message['result'] !== null
  );
}

/** Payloads under this size are sent with `keepalive` on `pagehide` (the browser's limit is 64 KiB in flight). */
export const KEEPALIVE_LIMIT = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;
/** How long after its time limit a first try made in another tab has surely written how it went. */
const OTHER_TAB_GRACE_MS = 2_000;
/** How long after it queued a submission another tab's first try at it is surely over (see queuedElsewhere). */
const firstTryOver = (sender: Sender) => (sender.timeoutMs ?? DEFAULT_TIMEOUT_MS) + OTHER_TAB_GRACE_MS;
const LOCK_NAME = 'lc-elements-outbox';
/** The `BroadcastChannel` on which an outbox tells the other tabs what it queued and how a submission settled. */
const OUTBOX_CHANNEL = 'lc-elements-outbox';
/** How many settled submissions an outbox remembers (see settledEvent). */
const SETTLED_KEPT = 100;
/** Attempts in flight at once per endpoint. */
const PARALLEL_ATTEMPTS = 4;

/**
 * Keeps every submission until its endpoint acknowledges it: across reloads and offline periods
 * (with a persistent store), flushing on `online`, on load and on a timer, with capped
 * exponential backoff, and a last `keepalive` try on `pagehide`. One flush runs at a time across
 * tabs (Web Locks), and the server deduplicates by id, so a submission is recorded once. The tab
 * that queues a submission tells the others (a `BroadcastChannel`), whose outbox fires the same
 * `queued` event and sends it should that tab close first; the tab that settles one tells them too,
 * and their outbox fires the same `delivered` or `rejected` event, so an element following it in
 * any tab settles.
 */
export class Outbox extends EventTarget {
  /** False once the persistent store failed and the outbox fell back to memory. */
  storageAvailable: boolean;
  private store: OutboxStore;
  /** The senders of the elements on this page, by endpoint, in the order they registered. */
  private readonly senders = new Map<string, Set<Sender>>();
  /** Each submission made on this page and not settled yet, with the sender of the element that made it. */
  private readonly own = new Map<string, Sender>();
  /** Each submission queued on this page and not settled yet, with a sender or without (see keepFor). */
  private readonly madeHere = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When each submission another tab told of was queued there (see queuedElsewhere and sendOnPageHide). */
  private readonly queuedThere = new Map<string, number>();
  /** The read of the store after another tab's first try at what it queued (see queuedElsewhere). */
  private lookAgain: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private flushAgain = false;
  private forceAgain = false;
  private readonly inFlight = new Set<string>();
  /** Listens to the window's `online` and `pagehide` (every outbox but a test's). */
  private readonly listens: boolean;
  /**
   * The sends on `pagehide` still under way, by id: each starts its time limit when the page comes
   * back from the back/forward cache (see sendOnPageHide).
   */
  private readonly keptAlive = new Map<string, () => void>();
  /** The attempts' writes to the store, counted, and the count at each entry's last (see flushEndpoint). */
  private writes = 0;
  private readonly writtenAt = new Map<string, number>();
  private readonly seenEndpoints = new Set<string>();
  private readonly now: () => number;
  /** The last submissions settled (delivered or refused), by id, for an element away when it happened. */
  private readonly settled = new Map<string, OutboxEvent>();
  /** Kept entries an element has shown (see forget): told, and no longer kept. */
  private readonly shown = new Set<string>();
  /** Submissions taken back on this page ("change my answer" before they arrived): never sent. */
  private readonly withdrawn = new Set<string>();
  /**
   * What is waiting, as last read from the store or written by this page: on `pagehide` there is
   * no time to read the store (the page is gone before IndexedDB answers), so that send works from this.
   */
  private readonly waiting = new Map<string, OutboxEntry>();
  /** The other tabs of the origin, which share a persistent store (see settle and submit). */
  private readonly tabs: TabChannel<TabMessage> | undefined;
  /** A settlement or a replacement told by another tab (or another outbox of this page). */
  private readonly fromOtherTab = (m: TabMessage): void => {
    // The channel is the origin's: a message of another shape (another app's) is not ours.
    if (!isTabMessage(m)) return;
    if (m.type === 'queued') {
      this.queuedElsewhere(m.entry);
    } else if (m.type === 'replaced') {
      // Taken back there: never sent from here either (this page may have read it already).
      if (m.withdrawn) this.withdrawn.add(m.replaced);
      this.dispatchEvent(new OutboxEvent('replaced', m.entry, undefined, m.replaced));
    } else if (!this.settled.has(m.entry.id)) {
      // Settled here too (a delivery twice over, which the endpoint deduplicated): told once.
      this.settle(new OutboxEvent(m.type, m.entry, m.result));
    }
  };

  constructor(store: OutboxStore, options: { now?: () => number; listen?: boolean } = {}) {
    super();
    this.store = store;
    this.storageAvailable = store.persistent;
    this.now = options.now ?? Date.now;
    this.listens = options.listen !== false && typeof window !== 'undefined';
    if (store.persistent) store.onLost = () => void this.rewrite();
    if (this.listens) {
      window.addEventListener('online', () => void this.flush(true));
      window.addEventListener('pagehide', () => this.sendOnPageHide());
      window.addEventListener('pageshow', (event) => {
        if (event.persisted) for (const limit of this.keptAlive.values()) limit();
      });
      // Joined now, before the first read of the store: an entry read from it that another tab
      // settles later is settled after this, and its message reaches this page.
      if (store.persistent) {
        this.tabs = tabChannel<TabMessage>(OUTBOX_CHANNEL);
        this.tabs.listen(this.fromOtherTab);
      }
    }
  }

  /**
   * Lets the outbox deliver to `endpoint` (each element registers its own sender; the same sender
   * twice counts once); flushes what is waiting for it. Returns the function that unregisters this
   * sender, and only this one: the endpoint keeps the senders of the other elements still using it.
   */
  registerSender(endpoint: string, sender: Sender): () => void {
    let senders = this.senders.get(endpoint);
    if (!senders) this.senders.set(endpoint, (senders = new Set()));
    senders.add(sender);
    // The first sender for an endpoint on this page load tries what earlier loads left, at once.
    const firstOnThisLoad = !this.seenEndpoints.has(endpoint);
    this.seenEndpoints.add(endpoint);
    void this.flush(firstOnThisLoad);
    return () => {
      senders.delete(sender);
      if (!senders.size && this.senders.get(endpoint) === senders) this.senders.delete(endpoint);
    };
  }

  /**
   * Who delivers an entry: the sender it was submitted with, while this page has it (even once its
   * element left the page); otherwise, for one an earlier load or another tab left, the first sender
   * registered for its endpoint still on this page.
   */
  private senderFor(entry: OutboxEntry): Sender | undefined {
    return this.own.get(entry.id) ?? this.senders.get(entry.endpoint)?.values().next().value;
  }

  /**
   * Queues an envelope for `endpoint` and starts delivering it, with `sender` (its element's) when
   * given. `withdraw`: a submission it replaces, taken back first if it still waits (see withdraw).
   * The other tabs, and the elements here, that show the submission it replaces (its `replaces`, or
   * the one taken back) are told (a `replaced` event), so they can show this one instead. Resolves
   * once it is safely queued.
   */
  async submit(endpoint: string, envelope: Envelope, sender?: Sender, withdraw?: string): Promise<OutboxEntry> {
    const withdrawn = !!withdraw && (await this.withdraw(withdraw));
    const entry: OutboxEntry = {
      id: envelope.id,
      endpoint,
      envelope,
      attempts: 0,
      nextAttemptAt: 0,
      queuedAt: this.now(),
    };
    if (sender) this.own.set(entry.id, sender);
    this.madeHere.add(entry.id);
    await this.persist((s) => s.put(entry));
    this.waiting.set(entry.id, entry);
    this.dispatchEvent(new OutboxEvent('queued', entry));
    if (this.store.persistent) this.tabs?.post({ type: 'queued', entry }, this.fromOtherTab);
    const replaced = withdrawn ? withdraw : envelope.replaces;
    if (replaced) {
      if (this.store.persistent) this.tabs?.post({ type: 'replaced', entry, replaced, withdrawn }, this.fromOtherTab);
      this.dispatchEvent(new OutboxEvent('replaced', entry, undefined, replaced));
    }
    const by = this.senderFor(entry);
    const online = typeof navigator === 'undefined' || navigator.onLine !== false;
    if (this.flushing && by && online && this.underWay(endpoint) < PARALLEL_ATTEMPTS) {
      // A pass is under way (maybe held up by a stalled request): this one goes at once, beside it,
      // not after it. (Another tab's pass may read it meanwhile: the server deduplicates by id.)
      // No more at once than a pass sends: hundreds sent together wait behind the browser's six
      // connections, time out there, and are sent again. The rest wait for the next pass.
      void this.attempt(entry, by).then(() => this.flush());
    } else {
      void this.flush();
    }
    return entry;
  }

  /**
   * A submission another tab queued: waiting here too, as one read from the store is, so an element
   * here shows it waiting, and this page sends it should that tab close before it is delivered (an
   * outbox reads the store only on load, on `online`, on its timer and on a submit of its own,
   * and nothing else would read it here). Not at once: that tab is sending it, and this page would
   * send it a second time beside it. Once that first try is over (its time limit passed), this page
   * reads the store: gone (delivered), or waiting with its next try, which this page then schedules
   * as it does any other (one pass per endpoint across tabs, under the Web Lock, and the server's
   * dedup by id keep it recorded once).
   */
  private queuedElsewhere(entry: OutboxEntry): void {
    const id = entry.id;
    if (this.settled.has(id) || this.withdrawn.has(id)) return;
    if (!this.waiting.has(id)) this.waiting.set(id, entry);
    this.queuedThere.set(id, this.now());
    this.dispatchEvent(new OutboxEvent('queued', entry));
    const sender = this.senderFor(entry);
    // No element here posts to its endpoint: the first that registers reads the store (see registerSender).
    if (!sender) return;
    clearTimeout(this.lookAgain);
    this.lookAgain = setTimeout(() => void this.flush(), firstTryOver(sender));
  }

  /**
   * The store lost what it held under the page: another tab deleted (or upgraded) the database, or
   * the person cleared the site's data. What this page knows waits is written again (to the
   * database opened afresh, or to memory should that fail) and tried: a pass reads only the store,
   * and the outbox keeps every submission until its endpoint acknowledges it, as the elements on
   * the page still say. One on its way is written by its attempt, if it is still to be sent.
   */
  private async rewrite(): Promise<void> {
    for (const entry of [...this.waiting.values()]) {
      const id = entry.id;
      if (this.inFlight.has(id) || this.settled.has(id) || this.withdrawn.has(id)) continue;
      await this.persist((s) => s.put(this.waiting.get(id) ?? entry));
      // Settled or taken back while it was written: not to be kept.
      if (this.settled.has(id) || this.withdrawn.has(id)) await this.persist((s) => s.delete(id));
    }
    void this.flush();
  }

  /** How many attempts to `endpoint` are under way on this page. */
  private underWay(endpoint: string): number {
    let count = 0;
    for (const id of this.inFlight) if (this.waiting.get(id)?.endpoint === endpoint) count++;
    return count;
  }

  /** True while this page is sending the submission `id` (an attempt under way). */
  sending(id: string): boolean {
    return this.inFlight.has(id);
  }

  /**
   * How a submission settled, if it did lately (the last 100), on this page or in another tab:
   * the `delivered` or `rejected` event it fired. An element removed from the page while its
   * submission was out, and added back, or one taking up a waiting submission that settled since
   * the store was read, learns its fate here.
   */
  settledEvent(id: string): OutboxEvent | undefined {
    return this.settled.get(id);
  }

  /** The submissions settled lately (see settledEvent), oldest first. */
  settledEvents(): OutboxEvent[] {
    return [...this.settled.values()];
  }

  /**
   * Takes back a submission not yet acknowledged: a person sending a changed answer while the
   * first still waits (offline, or the server busy), so the new one replaces it rather than adding
   * a second. False while an attempt at it is under way (it may be arriving): it is then left alone.
   */
  async withdraw(id: string): Promise<boolean> {
    if (this.inFlight.has(id)) return false;
    this.withdrawn.add(id);
    this.own.delete(id);
    this.madeHere.delete(id);
    this.waiting.delete(id);
    await this.persist((s) => s.delete(id));
    return true;
  }

  /**
   * Deletes an entry kept for its element, refused or delivered (see OutboxEntry.refused and
   * delivered), once that element has shown it: the person has their input back, or has seen it
   * sent, and it is no longer the outbox's.
   */
  async forget(id: string): Promise<void> {
    this.shown.add(id);
    this.waiting.delete(id);
    await this.persist((s) => s.delete(id));
  }

  /** Every submission not yet acknowledged, and the refused or delivered ones kept for their elements. */
  async pending(): Promise<OutboxEntry[]> {
    return this.persist((s) => s.getAll());
  }

  /** Tries every due submission whose endpoint has a sender. `force` ignores backoff (used on `online`). */
  flush(force = false): Promise<void> {
    if (this.flushing) {
      this.flushAgain ||= true;
      this.forceAgain ||= force;
      return this.flushing;
    }
    this.flushing = this.flushOnce(force).finally(() => {
      this.flushing = undefined;
      if (this.flushAgain) {
        const again = this.forceAgain;
        this.flushAgain = this.forceAgain = false;
        void this.flush(again);
      }
    });
    return this.flushing;
  }

  private async flushOnce(force: boolean): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const all = this.remember(await this.persist((s) => s.getAll()));
    const endpoints = new Set(all.filter((e) => !keptForElement(e) && this.senderFor(e)).map((e) => e.endpoint));
    // Endpoints flush side by side: a stalled collector never holds up another one.
    await Promise.all(
      [...endpoints].map((endpoint) => this.withLock(endpoint, () => this.flushEndpoint(endpoint, force))),
    );
    this.schedule(this.remember(await this.persist((s) => s.getAll())));
  }

  /**
   * Takes what the store holds as what waits: an entry read (one an earlier load or another tab
   * left) is added; one that is gone from the store (delivered by another tab) is dropped, unless
   * this page queued it (its own write may have come after this read began).
   */
  private remember(all: OutboxEntry[]): OutboxEntry[] {
    const ids = new Set(all.map((e) => e.id));
    for (const id of this.waiting.keys()) if (!ids.has(id) && !this.own.has(id)) this.waiting.delete(id);
    for (const e of all) {
      // One kept for its element (refused, or delivered) is not waiting: never sent again, on pagehide neither.
      if (keptForElement(e)) continue;
      if (!this.withdrawn.has(e.id) && !this.settled.has(e.id) && !this.waiting.has(e.id)) this.waiting.set(e.id, e);
    }
    return all;
  }

  /** One flush per endpoint at a time across tabs (Web Locks), for a store that tabs share. */
  private async withLock(endpoint: string, work: () => Promise<void>): Promise<void> {
    if (!this.store.persistent) return work();
    await underLock(`${LOCK_NAME} ${endpoint}`, work);
  }

  private async flushEndpoint(endpoint: string, force: boolean): Promise<void> {
    // What this page's attempts had written when the entries were read (see attempt).
    const readAt = this.writes;
    // Read again under the lock: another tab may have delivered some of these meanwhile.
    const due = (await this.persist((s) => s.getAll()))
      .filter(
        (e) =>
          e.endpoint === endpoint &&
          !keptForElement(e) &&
          !this.inFlight.has(e.id) &&
          (force || this.dueAt(e) <= this.now()),
      )
      .sort((a, b) => a.queuedAt - b.queuedAt);
    // A few at a time, oldest first: one stalled request does not hold up the others.
    const worker = async () => {
      for (let entry = due.shift(); entry; entry = due.shift()) {
        if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
        // Four at once, those sent beside a pass counted (see submit): each of those flushes as it
        // ends, and that pass sends what is left.
        if (this.underWay(endpoint) >= PARALLEL_ATTEMPTS) return;
        // Attempted since it was read (a new submission sent at once, beside this pass): this copy
        // is stale (a retry due later, or gone), and it is not sent again now.
        if ((this.writtenAt.get(entry.id) ?? 0) > readAt) continue;
        const sender = this.senderFor(entry);
        if (sender) await this.attempt(entry, sender);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_ATTEMPTS, due.length) }, worker));
  }

  private async attempt(entry: OutboxEntry, sender: Sender, keepalive = false): Promise<void> {
    // Read before it was taken back: not sent. On its way, or settled, since it was read (a new
    // submission sent at once, beside a pass that read it too): not sent twice.
    const id = entry.id;
    if (this.withdrawn.has(id) || this.inFlight.has(id) || this.settled.has(id)) return;
    this.inFlight.add(id);
    let result: TransportResult;
    try {
      const timeoutMs = sender.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      let signal: AbortSignal;
      if (keepalive) {
        // A send on pagehide has no time limit while the page is away (it must outlive the page);
        // a page back from the back/forward cache gives it the usual one from then on, as any attempt.
        const controller = new AbortController();
        signal = controller.signal;
        const timeout = () => controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
        this.keptAlive.set(id, () => setTimeout(timeout, timeoutMs));
      } else {
        signal = AbortSignal.timeout(timeoutMs);
      }
      result = checkedResult(await sender.transport(entry.envelope, { endpoint: entry.endpoint, signal, keepalive }));
    } catch (error) {
      result = { outcome: 'retry', message: `the transport failed (${(error as Error)?.message ?? String(error)})` };
    }
    // In flight until the store says how it went: a pass reading it meanwhile leaves it alone.
    try {
      if (result.outcome === 'delivered' || result.outcome === 'rejected') {
        // One no element on this page made (an earlier load left it), or whose element left the page
        // while it was on its way, is kept for its element (see keepFor).
        const followed = this.madeHere.has(id) && this.own.get(id)?.onPage?.() !== false;
        const settled = followed ? entry : keepFor(entry, result, this.now());
        await this.persist((s) => (settled === entry ? s.delete(id) : s.put(settled)));
        // The other tabs following it (shown there as on its way) settle it too.
        if (this.store.persistent) {
          this.tabs?.post({ type: result.outcome, entry: settled, result }, this.fromOtherTab);
        }
        this.settle(new OutboxEvent(result.outcome, settled, result));
        // Said in the console too, unless an element here (one that took it up after a reload) showed it at once.
        if (settled.refused && !this.shown.has(id)) refusedElsewhere(settled, settled.refused);
        return;
      }
      const attempts = entry.attempts + 1;
      const updated: OutboxEntry = {
        ...entry,
        attempts,
        lastError: result.message,
        lastStatus: result.status,
        nextAttemptAt: this.now() + nextDelay(attempts, result.retryAfterMs, sender.backoff),
      };
      await this.persist((s) => s.put(updated));
      if (this.waiting.has(id)) this.waiting.set(id, updated);
      this.writtenAt.set(id, ++this.writes);
      this.dispatchEvent(new OutboxEvent('retrying', updated, result));
    } finally {
      this.inFlight.delete(id);
      this.keptAlive.delete(id);
    }
  }

  /** A submission's fate, delivered or refused, here or in another tab: remembered and told. */
  private settle(event: OutboxEvent): void {
    const id = event.entry!.id;
    this.own.delete(id);
    this.queuedThere.delete(id);
    this.madeHere.delete(id);
    this.waiting.delete(id);
    this.writtenAt.delete(id);
    this.settled.set(id, event);
    if (this.settled.size > SETTLED_KEPT) this.settled.delete(this.settled.keys().next().value!);
    this.dispatchEvent(event);
  }

  /**
   * When an entry is next tried. A time further ahead than the longest wait the outbox sets (its
   * sender's backoff cap) was set by a device clock that was ahead and has been put right since:
   * due now, not in a year.
   */
  private dueAt(entry: OutboxEntry): number {
    const now = this.now();
    const cap = this.senderFor(entry)?.backoff?.capMs ?? DEFAULT_BACKOFF.capMs;
    return entry.nextAttemptAt - now > cap ? now : entry.nextAttemptAt;
  }

  private schedule(all: OutboxEntry[]): void {
    // Offline, nothing is tried (see flushEndpoint), and `online` flushes everything: a timer for
    // an entry already due would fire again at once, for as long as the device stays offline
    // (thousands of store reads a second, the battery's).
    if (this.listens && typeof navigator !== 'undefined' && navigator.onLine === false) return;
    const due = all.filter((e) => !keptForElement(e) && this.senderFor(e)).map((e) => this.dueAt(e));
    if (!due.length) return;
    const wait = Math.max(0, Math.min(...due) - this.now());
    // Timers are clamped to ~24.8 days; the cap keeps us far below that.
    this.timer = setTimeout(() => void this.flush(), Math.min(wait, 10 * 60_000));
  }

  /**
   * The last chance: hands small payloads to the browser to send after the page is gone. At once,
   * from what this page knows waits: the page is torn down before a read of the store would answer.
   * Each is an attempt like another (see attempt): a page kept in the back/forward cache lives on,
   * and when it comes back its answer is taken as any other's, delivered or refused, never sent
   * again. A page that is gone leaves its entries queued: the next load's resend of one that
   * landed is deduplicated by id.
   */
  private sendOnPageHide(): void {
    for (const entry of this.waiting.values()) {
      const sender = this.senderFor(entry);
      if (!sender || this.inFlight.has(entry.id)) continue;
      // Queued in another tab a moment ago: that tab is sending it, and sends it on its own
      // pagehide; this one takes it over once that first try is over (see queuedElsewhere).
      const there = this.queuedThere.get(entry.id);
      if (there !== undefined && this.now() - there < firstTryOver(sender)) continue;
      if (new Blob([JSON.stringify(entry.envelope)]).size >= KEEPALIVE_LIMIT) continue;
      // The default transport calls fetch before its first await, and so does attempt: within
      // this handler, as keepalive needs.
      // A page that comes back (the back/forward cache) sets its next try from how this one went.
      void this.attempt(entry, sender, true).then(() => this.flush());
    }
  }

  /** Runs a store operation; if the persistent store fails, moves everything to memory and says so. */
  private async persist<T>(op: (store: OutboxStore) => Promise<T>): Promise<T> {
    const store = this.store;
    try {
      return await op(store);
    } catch (error) {
      // Another operation already fell back: use the memory store it put in place.
      if (store !== this.store) return op(this.store);
      if (!store.persistent) throw error;
      console.warn(
        `[lc-elements] Device storage is unavailable (${(error as Error)?.message ?? error}); ` +
          'submissions are kept in memory only until they are delivered.',
      );
      this.store = memoryStore();
      // What waits goes with it (passes read only the store): an entry read from the device before
      // it failed, another tab's or an earlier load's, is still tried from this page.
      for (const entry of this.waiting.values()) void this.store.put(entry);
      this.storageAvailable = false;
      this.dispatchEvent(new OutboxEvent('storage-unavailable', undefined));
      return op(this.store);
    }
  }
}

const outboxes = new Map<StoragePolicy, Outbox>();

/** The page's outbox for a storage policy (one per policy, shared by every element on the page). */
export function getOutbox(policy: StoragePolicy = 'device'): Outbox {
  let outbox = outboxes.get(policy);
  if (!outbox) {
    outbox = new Outbox(policy === 'device' && typeof indexedDB !== 'undefined' ? indexedDbStore() : memoryStore());
    outboxes.set(policy, outbox);
  }
  return outbox;
}
