import { expect } from '@open-wc/testing';
import { getOutbox } from '../src/core/outbox.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import { collectorState, lastTryArrived, newBucket, setFaults, waitFor } from './support/helpers.js';

// Two tabs of one portal with the same journal: two iframes, each page with modules of its own (its
// own outbox over the same database, its own BroadcastChannels), as two tabs have.
describe('<lc-reflection-journal> open in two tabs', () => {
  const frames: HTMLIFrameElement[] = [];

  before(async () => {
    // The outbox database is created by a page that stays (see reflection-journal-frame.test.ts).
    await getOutbox('device').pending();
  });

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  async function open(query: string): Promise<{ frame: HTMLIFrameElement; journal: LcReflectionJournal }> {
    const frame = document.createElement('iframe');
    frames.push(frame);
    let ready = false;
    const onMessage = (e: MessageEvent) => {
      if (e.source === frame.contentWindow && e.data?.source === 'journal-frame' && e.data.type === 'ready')
        ready = true;
    };
    window.addEventListener('message', onMessage);
    frame.src = `/test/fixtures/journal-frame.html?${query}`;
    document.body.append(frame);
    try {
      await waitFor(() => ready, 'the tab to load', 15_000);
    } finally {
      window.removeEventListener('message', onMessage);
    }
    return { frame, journal: frame.contentDocument!.querySelector('lc-reflection-journal')! };
  }

  /**
   * Keeps the drafts' store busy for `ms` with a write of this page's (a slow device): what the
   * journals read or write there waits its turn, in the order it was asked.
   */
  async function holdDrafts(ms: number): Promise<Promise<void>> {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lc-elements-drafts');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('drafts', 'readwrite');
    const store = tx.objectStore('drafts');
    const end = performance.now() + ms;
    const spin = () => {
      if (performance.now() < end) store.get('hold').onsuccess = spin;
    };
    spin();
    return new Promise((resolve) => (tx.oncomplete = () => (db.close(), resolve())));
  }

  /** Types an entry's title and what was practised, as a person does. */
  async function write(journal: LcReflectionJournal, title: string, practised: string): Promise<void> {
    for (const [selector, value] of [
      ['#title', title],
      ['#practised', practised],
    ] as const) {
      const field = journal.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
      field.value = value;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await journal.updateComplete;
  }

  const texts = (journal: LcReflectionJournal, selector: string) =>
    [...journal.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

  it('an entry sent in one tab while the server is down waits in the other too, which sends it once that tab is closed', async function () {
    this.timeout(60_000);
    const bucket = newBucket('rjt');
    // Down for now: each try is answered "busy, try again in a few seconds".
    await setFaults(
      bucket.name,
      Array.from({ length: 20 }, () => ({ status: 503, retryAfter: 3 })),
    );
    const key = `tabs-${Math.random().toString(36).slice(2)}`;
    const query = `key=${key}&community=tabs-a&endpoint=${encodeURIComponent(bucket.endpoint)}`;
    const a = await open(query);
    const b = await open(query);

    await write(a.journal, 'Sent while the server was down', 'Delivered by the tab left open');
    a.journal.shadowRoot!.querySelector<HTMLElement>('[part="submit"]')!.click();
    await waitFor(() => texts(a.journal, '[part="status"]')[0]?.startsWith('Saved.'), 'the queued state in tab A');
    expect(texts(a.journal, '[part="entry"] [part~="badge"]')).to.deep.equal([
      'Sent from this browser',
      'Waiting to be sent',
    ]);

    // The other tab lists it as waiting too, not as delivered.
    await waitFor(
      () => texts(b.journal, '[part="entry"] [part="heading"]').includes('Sent while the server was down'),
      'the entry listed in tab B',
    );
    await waitFor(
      () => texts(b.journal, '[part="entry"] [part~="badge"]').includes('Waiting to be sent'),
      `the entry shown waiting in tab B (badges: ${texts(b.journal, '[part="entry"] [part~="badge"]').join(', ')})`,
    );

    // Tab A is closed (its last try, on pagehide, answered busy too), then the server is back.
    const { id } = (await collectorState(bucket.name)).requests[0]!;
    a.frame.remove();
    await lastTryArrived(bucket.name, id);
    await setFaults(bucket.name, []);

    // Tab B, left open, sends it by itself (no reload, no `online`), and shows it sent.
    await waitFor(async () => (await collectorState(bucket.name)).records.length === 1, 'tab B to deliver it', 40_000);
    await waitFor(
      () => !texts(b.journal, '[part="entry"] [part~="badge"]').includes('Waiting to be sent'),
      'the entry shown sent in tab B',
    );
    expect(texts(b.journal, '[part="entry"] [part~="badge"]')).to.deep.equal(['Sent from this browser']);
    const { records, requests } = await collectorState(bucket.name);
    expect(records.map((r) => r.id)).to.deep.equal([id]);
    expect(new Set(requests.map((r) => r.id))).to.deep.equal(new Set([id]));
    expect((b.frame.contentWindow as Window & { told: string[] }).told).to.deep.equal([id]);
  });
  it('an entry sent in one tab is listed in the other even when the device is slow to keep the list', async () => {
    const bucket = newBucket('rjt');
    await setFaults(bucket.name, [{ status: 503, retryAfter: 60 }]);
    const key = `slow-${Math.random().toString(36).slice(2)}`;
    const query = `key=${key}&community=tabs-slow&endpoint=${encodeURIComponent(bucket.endpoint)}`;
    const a = await open(query);
    const b = await open(query);
    await write(a.journal, 'Listed in both tabs', 'Kept on a slow device');
    // Tab A's list of entries sent waits its turn on the device; tab B is told once it is kept,
    // not before (it would read the list without the entry, and list nothing).
    const held = await holdDrafts(800);
    a.journal.shadowRoot!.querySelector<HTMLElement>('[part="submit"]')!.click();
    await held;
    await waitFor(() => texts(a.journal, '[part="status"]')[0]?.startsWith('Saved.'), 'the queued state in tab A');
    await waitFor(
      () => texts(b.journal, '[part="entry"] [part="heading"]').includes('Listed in both tabs'),
      `the entry listed in tab B (it lists: ${texts(b.journal, '[part="entry"] [part="heading"]').join(', ') || 'nothing'})`,
    );
    await waitFor(
      () => texts(b.journal, '[part="entry"] [part~="badge"]').includes('Waiting to be sent'),
      'the entry shown waiting in tab B',
    );
  });
});
