import { expect } from '@open-wc/testing';
import { createEnvelope, type Envelope } from '../src/core/envelope.js';
import { createStore, set } from 'idb-keyval';
import { indexedDbStore, memoryStore, Outbox, OutboxEvent, type OutboxStore } from '../src/core/outbox.js';
import { httpTransport, type Transport } from '../src/core/transport.js';
import { collectorState, goOfflineFor, newBucket, setFaults, waitFor, waitForOnline } from './support/helpers.js';

const ctx = { community: 'test', round: 'r1', criteriaSet: { id: 'common-criteria', version: '1.0.0' }, locale: 'en' };
const rating = (level: 0 | 1 | 2 | 3 | 4 | null = 2): Envelope => createEnvelope('rating', ctx, { level }, 'trust');
const fast = { baseMs: 5, capMs: 20 };

function events(outbox: Outbox) {
  const seen: OutboxEvent[] = [];
  for (const type of ['queued', 'delivered', 'retrying', 'rejected', 'storage-unavailable']) {
    outbox.addEventListener(type, (e) => seen.push(e as OutboxEvent));
  }
  return seen;
}

function outboxFor(endpoint: string, store: OutboxStore = memoryStore()) {
  const outbox = new Outbox(store, { listen: false });
  outbox.registerSender(endpoint, { transport: httpTransport(), backoff: fast, timeoutMs: 2000 });
  return outbox;
}

describe('outbox and HTTP transport, against a real local server', () => {
  it('posts JSON with an Idempotency-Key equal to the id and forgets the entry once acknowledged', async () => {
    const { name, endpoint } = newBucket();
    const outbox = outboxFor(endpoint);
    const seen = events(outbox);
    const envelope = rating(3);
    await outbox.submit(endpoint, envelope);
    await waitFor(() => seen.some((e) => e.type === 'delivered'), 'delivery');
    const state = await collectorState(name);
    expect(state.records.map((r) => r.id)).to.deep.equal([envelope.id]);
    expect(state.requests[0]!.key).to.equal(envelope.id);
    expect(state.requests[0]!.contentType).to.equal('application/json');
    expect(await outbox.pending()).to.have.length(0);
  });

  it('takes back a waiting submission (never sent), but not one whose attempt is under way', async () => {
    const { name, endpoint } = newBucket();
    // Waiting: its endpoint has no sender yet.
    const outbox = new Outbox(memoryStore(), { listen: false });
    const waiting = rating(1);
    await outbox.submit(endpoint, waiting);
    expect(await outbox.withdraw(waiting.id)).to.be.true;
    expect(await outbox.pending()).to.have.length(0);
    const seen = events(outbox);
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: fast, timeoutMs: 2000 });
    // Under way: the collector stalls the next request.
    await setFaults(name, [{ stallMs: 600 }]);
    const sending = rating(2);
    await outbox.submit(endpoint, sending);
    await waitFor(async () => (await collectorState(name)).requests.length === 1, 'the attempt');
    expect(await outbox.withdraw(sending.id), 'it may be arriving').to.be.false;
    await waitFor(() => seen.some((e) => e.type === 'delivered'), 'delivery');
    expect((await collectorState(name)).records.map((r) => r.id)).to.deep.equal([sending.id]);
  });

  it('retries 500 and 503 (with Retry-After) and delivers once', async () => {
    const { name, endpoint } = newBucket();
    await setFaults(name, [{ status: 500 }, { status: 503, retryAfter: 0 }]);
    const outbox = outboxFor(endpoint);
    const seen = events(outbox);
    const envelope = rating();
    await outbox.submit(endpoint, envelope);
    await waitFor(() => seen.some((e) => e.type === 'delivered'), 'delivery after two failures');
    const state = await collectorState(name);
    expect(state.requests.map((r) => r.fault && JSON.parse(r.fault).status)).to.deep.equal([500, 503, null]);
    expect(state.records).to.have.length(1);
    expect(seen.filter((e) => e.type === 'retrying')).to.have.length(2);
  });

  it('waits as long as Retry-After says', async () => {
    const { name, endpoint } = newBucket();
    await setFaults(name, [{ status: 429, retryAfter: 30 }]);
    const outbox = new Outbox(memoryStore(), { listen: false });
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: { baseMs: 5, capMs: 600_000 } });
    const seen = events(outbox);
    const before = Date.now();
    await outbox.submit(endpoint, rating());
    const retry = await waitFor(() => seen.find((e) => e.type === 'retrying'), 'a retry');
    expect(retry.entry!.nextAttemptAt - before).to.be.within(29_000, 31_000);
    expect((await collectorState(name)).requests).to.have.length(1);
  });

  for (const status of [400, 422]) {
    it(`does not retry a ${status}, and reports the server's reason`, async () => {
      const { name, endpoint } = newBucket();
      await setFaults(name, [{ status, message: 'criterion is not in this round' }]);
      const outbox = outboxFor(endpoint);
      const seen = events(outbox);
      await outbox.submit(endpoint, rating());
      const rejected = await waitFor(() => seen.find((e) => e.type === 'rejected'), 'the rejection');
      expect(rejected.result).to.deep.include({ outcome: 'rejected', status });
      expect((rejected.result as { message: string }).message).to.contain('criterion is not in this round');
      await outbox.flush(true);
      expect((await collectorState(name)).requests).to.have.length(1);
      expect(await outbox.pending()).to.have.length(0);
    });
  }

  it('retries a dropped connection and a stalled request with the same Idempotency-Key', async () => {
    const { name, endpoint } = newBucket();
    await setFaults(name, [{ drop: true }, { stallMs: 4000 }]);
    const outbox = new Outbox(memoryStore(), { listen: false });
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: fast, timeoutMs: 500 });
    const seen = events(outbox);
    const envelope = rating(4);
    await outbox.submit(endpoint, envelope);
    await waitFor(() => seen.some((e) => e.type === 'delivered'), 'delivery after a drop and a stall', 15_000);
    const state = await collectorState(name);
    expect(state.requests.length).to.be.at.least(3);
    expect(new Set(state.requests.map((r) => r.key))).to.deep.equal(new Set([envelope.id]));
    expect(state.records).to.have.length(1);
  });

  it('never tries again sooner than its backoff, when Retry-After says 0 or a date gone by', async () => {
    const { name, endpoint } = newBucket();
    const now = { status: 503, retryAfter: 0 };
    const past = { status: 503, retryAfter: 'Sun, 01 Nov 2026 00:00:00 GMT' };
    await setFaults(name, [now, past, now, past, now, past, now, past, now, past]);
    // The default backoff: 0.5–1 s before the first retry, 1–2 s before the second.
    const outbox = new Outbox(memoryStore(), { listen: false });
    outbox.registerSender(endpoint, { transport: httpTransport() });
    await outbox.submit(endpoint, rating());
    await new Promise((r) => setTimeout(r, 2500));
    const { requests } = await collectorState(name);
    expect(requests.length, 'the server asked for no wait: it got the backoff').to.be.within(2, 3);
    expect(await outbox.pending()).to.have.length(1);
  });

  it('tries again in good time after the device clock was put back (it was a year ahead)', async () => {
    const { name, endpoint } = newBucket();
    await setFaults(name, [{ status: 503 }]);
    const year = 365 * 24 * 3600_000;
    let skew = year;
    const outbox = new Outbox(memoryStore(), { listen: false, now: () => Date.now() + skew });
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: { baseMs: 200, capMs: 1000 } });
    await outbox.submit(endpoint, rating(2));
    await waitFor(async () => (await collectorState(name)).requests.length === 1, 'the first try, refused');
    // The clock is put right: the retry the outbox planned is due a year from now by it.
    skew = 0;
    await waitFor(
      async () => (await collectorState(name)).records.length === 1,
      'the retry, within the backoff cap',
      8000,
    );
    expect(await outbox.pending()).to.have.length(0);
  });

  it('keeps submissions while the browser is offline and sends them when it is back', async () => {
    const { name, endpoint } = newBucket();
    const outbox = new Outbox(memoryStore());
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: { baseMs: 60_000, capMs: 60_000 } });
    await goOfflineFor(1500);
    await outbox.submit(endpoint, rating(1));
    await outbox.submit(endpoint, rating(2));
    expect(await outbox.pending()).to.have.length(2);
    await waitForOnline();
    // The `online` event flushes at once, whatever the backoff.
    await waitFor(async () => (await outbox.pending()).length === 0, 'the flush on `online`');
    const state = await collectorState(name);
    expect(state.records).to.have.length(2);
    expect(state.requests).to.have.length(2);
  });

  it('falls back to memory when device storage fails, still delivers, and says so', async () => {
    const { name, endpoint } = newBucket();
    const broken: OutboxStore = {
      persistent: true,
      getAll: () => Promise.reject(new DOMException('blocked', 'SecurityError')),
      put: () => Promise.reject(new DOMException('blocked', 'SecurityError')),
      delete: () => Promise.reject(new DOMException('blocked', 'SecurityError')),
    };
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a.join(' '));
    try {
      const outbox = outboxFor(endpoint, broken);
      const seen = events(outbox);
      await outbox.submit(endpoint, rating());
      await waitFor(() => seen.some((e) => e.type === 'delivered'), 'delivery');
      expect(outbox.storageAvailable).to.be.false;
      expect(seen.some((e) => e.type === 'storage-unavailable')).to.be.true;
      expect(warnings.join()).to.contain('Device storage is unavailable');
      expect((await collectorState(name)).records).to.have.length(1);
    } finally {
      console.warn = original;
    }
  });

  it('leaves alone a record of the device outbox it did not write, and delivers the rest', async () => {
    const { name, endpoint } = newBucket();
    const db = `outbox-test-${Math.random().toString(36).slice(2)}`;
    // Another script of the origin (or a damaged database): records of other shapes.
    const raw = createStore(db, 'outbox');
    await set('null', null, raw);
    await set('half', { id: 'x', endpoint }, raw);
    await set('string', 'hello', raw);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const outbox = outboxFor(endpoint, indexedDbStore(db, 'outbox'));
      const seen = events(outbox);
      const envelope = rating(1);
      await outbox.submit(endpoint, envelope);
      await waitFor(() => seen.some((e) => e.type === 'delivered'), 'delivery');
      expect((await collectorState(name)).records.map((r) => r.id)).to.deep.equal([envelope.id]);
      expect(await outbox.pending()).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => w.includes('holds 3 record(s) it did not write'))).to.equal(true);
  });

  it('ignores a message of another shape on its tabs channel (another app of the origin)', async () => {
    const errors: string[] = [];
    // An uncaught exception (in the channel's listener) reaches the window as an ErrorEvent; a plain
    // `error` Event is another object's (a resource of the page), not a throw.
    const onError = (e: Event) => e instanceof ErrorEvent && errors.push(e.message);
    window.addEventListener('error', onError);
    const outbox = new Outbox(indexedDbStore(`outbox-test-${Math.random().toString(36).slice(2)}`));
    const heard: OutboxEvent[] = [];
    for (const type of ['delivered', 'rejected', 'replaced'])
      outbox.addEventListener(type, (e) => heard.push(e as OutboxEvent));
    const other = new BroadcastChannel('lc-elements-outbox');
    try {
      for (const message of [
        null,
        'x',
        { type: 'delivered' },
        { type: 'replaced', entry: null },
        { type: 'rejected', entry: { id: 1 } },
      ]) {
        other.postMessage(message);
      }
      await new Promise((r) => setTimeout(r, 200));
      expect(errors).to.deep.equal([]);
      // Test pages run side by side on one origin: their outboxes' real news (entries with an
      // envelope) comes over the same channel. None of the messages above may make an event.
      expect(heard.filter((e) => typeof e.entry?.envelope?.id !== 'string')).to.deep.equal([]);
    } finally {
      other.close();
      window.removeEventListener('error', onError);
    }
  });

  it('delivers a submission queued before a reload exactly once, on the next load', async () => {
    const { name, endpoint } = newBucket();
    // The first load finds the collector down; the page then goes away.
    await setFaults(name, [{ status: 503 }]);
    const messages: Array<{ type: string; id: string }> = [];
    const onMessage = (e: MessageEvent) => e.data?.source === 'outbox-frame' && messages.push(e.data);
    window.addEventListener('message', onMessage);
    try {
      const load = (query: string) => {
        const frame = document.createElement('iframe');
        frame.src = `/test/fixtures/outbox-frame.html?endpoint=${encodeURIComponent(endpoint)}${query}`;
        document.body.append(frame);
        return frame;
      };
      const first = load('&submit=1');
      const queued = await waitFor(() => messages.find((m) => m.type === 'queued'), 'the first load to queue');
      await waitFor(() => messages.find((m) => m.type === 'retrying'), 'the failed first attempt');
      first.remove();
      const second = load('');
      await waitFor(() => messages.find((m) => m.type === 'delivered' && m.id === queued.id), 'delivery on reload');
      second.remove();
      const state = await collectorState(name);
      expect(state.records.map((r) => r.id)).to.deep.equal([queued.id]);
      expect(state.requests.every((r) => r.key === queued.id)).to.be.true;
    } finally {
      window.removeEventListener('message', onMessage);
    }
  });

  it('delivers each of many submissions exactly once through intermittent failures', async () => {
    const { name, endpoint } = newBucket();
    await setFaults(name, [], {
      failEvery: 3,
      cycle: [{ status: 503, retryAfter: 0 }, { drop: true }, { status: 500 }],
    });
    const outbox = new Outbox(memoryStore(), { listen: false });
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: fast, timeoutMs: 2000 });
    const ids = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const envelope = rating((i % 5) as 0 | 1 | 2 | 3 | 4);
      ids.add(envelope.id);
      void outbox.submit(endpoint, envelope);
    }
    await waitFor(async () => (await collectorState(name)).records.length === 30, '30 records', 20_000);
    await waitFor(async () => (await outbox.pending()).length === 0, 'an empty outbox');
    const state = await collectorState(name);
    expect(new Set(state.records.map((r) => r.id))).to.deep.equal(ids);
    expect(state.requests.filter((r) => r.fault).length).to.be.at.least(9);
  });

  it('does not let one stalled request hold up the others', async () => {
    const { name, endpoint } = newBucket();
    await setFaults(name, [{ stallMs: 3000 }]);
    const outbox = outboxFor(endpoint);
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: fast, timeoutMs: 10_000 });
    const delivered: string[] = [];
    outbox.addEventListener('delivered', (e) => delivered.push((e as OutboxEvent).entry!.id));
    const slow = rating(1);
    const quick = rating(2);
    await outbox.submit(endpoint, slow);
    await outbox.submit(endpoint, quick);
    await waitFor(() => delivered.length === 2, 'both deliveries');
    expect(delivered).to.deep.equal([quick.id, slow.id]);
  });

  it('sends a new submission at once while an earlier one to the same endpoint is stalled', async () => {
    const { name, endpoint } = newBucket();
    await setFaults(name, [{ stallMs: 3000 }]);
    // One sender, patient enough to wait out the stall (no timeout and retry in between).
    const outbox = new Outbox(memoryStore(), { listen: false });
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: fast, timeoutMs: 10_000 });
    const delivered: string[] = [];
    outbox.addEventListener('delivered', (e) => delivered.push((e as OutboxEvent).entry!.id));
    const slow = rating(1);
    await outbox.submit(endpoint, slow);
    // The first is on its way, and stalls: a second answer is given meanwhile.
    await waitFor(async () => (await collectorState(name)).requests.length === 1, 'the first attempt');
    const quick = rating(2);
    await outbox.submit(endpoint, quick);
    await waitFor(() => delivered.length === 2, 'both deliveries');
    expect(delivered, 'not held up by the stalled one').to.deep.equal([quick.id, slow.id]);
    const { records, requests } = await collectorState(name);
    expect(records.map((r) => r.id).sort()).to.deep.equal([slow.id, quick.id].sort());
    expect(requests, 'each sent once').to.have.length(2);
  });

  it('stays idle while the browser is offline with a submission due, and sends it once online', async () => {
    const { name, endpoint } = newBucket();
    const memory = memoryStore();
    let reads = 0;
    const counted: OutboxStore = { ...memory, getAll: () => (reads++, memory.getAll()) };
    const outbox = new Outbox(counted);
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: fast, timeoutMs: 2000 });
    await goOfflineFor(2500);
    await outbox.submit(endpoint, rating(1));
    const before = reads;
    await new Promise((r) => setTimeout(r, 1000));
    // A second offline: nothing can be sent, and nothing is tried (the `online` event flushes).
    expect(reads - before, 'store reads in a second offline').to.be.at.most(2);
    await waitForOnline();
    await waitFor(async () => (await outbox.pending()).length === 0, 'the flush on `online`');
    expect((await collectorState(name)).requests).to.have.length(1);
  });

  it('takes the answer to a send on pagehide when the page lives on (the back/forward cache)', async () => {
    const { name, endpoint } = newBucket();
    // The first attempt is told to wait a minute; the page is left, into the cache, meanwhile.
    await setFaults(name, [{ status: 503, retryAfter: 60 }]);
    const outbox = new Outbox(memoryStore());
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: { baseMs: 60_000, capMs: 60_000 } });
    const seen = events(outbox);
    const envelope = rating(2);
    await outbox.submit(endpoint, envelope);
    await waitFor(() => seen.some((e) => e.type === 'retrying'), 'the busy answer');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    // Back: the keepalive send was delivered, and the page knows it (no second send a minute on).
    await waitFor(() => seen.some((e) => e.type === 'delivered'), 'the pagehide send taken as delivered');
    expect(await outbox.pending()).to.have.length(0);
    const { records, requests } = await collectorState(name);
    expect(records.map((r) => r.id)).to.deep.equal([envelope.id]);
    expect(requests, 'the busy attempt and the one on pagehide').to.have.length(2);
  });

  it('gives a send on pagehide still under way its time limit when the page comes back', async () => {
    const { name, endpoint } = newBucket();
    // Busy for a minute; the send on pagehide hangs (a minute too); then the endpoint answers.
    await setFaults(name, [{ status: 503, retryAfter: 60 }, { stallMs: 60_000 }]);
    const outbox = new Outbox(memoryStore());
    outbox.registerSender(endpoint, {
      transport: httpTransport(),
      backoff: { baseMs: 60_000, capMs: 60_000 },
      timeoutMs: 1000,
    });
    const seen = events(outbox);
    const envelope = rating(3);
    await outbox.submit(endpoint, envelope);
    await waitFor(() => seen.some((e) => e.type === 'retrying'), 'the busy answer');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    await waitFor(async () => (await collectorState(name)).requests.length === 2, 'the send on pagehide');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    // Back: the hung send ends as any attempt's would, after its time limit (1 s here), and waits
    // to be tried again, rather than holding the submission as under way for as long as it hangs.
    await waitFor(() => seen.filter((e) => e.type === 'retrying').length === 2, 'the hung send timed out', 5000);
    expect(outbox.sending(envelope.id)).to.be.false;
    // Tried again (here on `online`, which sends what waits at once), and delivered.
    window.dispatchEvent(new Event('online'));
    await waitFor(() => seen.some((e) => e.type === 'delivered'), 'delivery');
    const { records, requests } = await collectorState(name);
    expect(records.map((r) => r.id)).to.deep.equal([envelope.id]);
    expect(requests).to.have.length(3);
  });

  it('sends no more than four at once to an endpoint, submissions made during a pass included', async () => {
    const { name, endpoint } = newBucket();
    // Every request takes a second and a half: the first pass, what is made meanwhile, the next pass.
    await setFaults(
      name,
      Array.from({ length: 12 }, () => ({ stallMs: 1500 })),
    );
    const outbox = new Outbox(memoryStore(), { listen: false });
    // The requests under way, counted as the outbox's transport starts and ends them (real HTTP).
    const http = httpTransport();
    let underWay = 0;
    let most = 0;
    const counting: Transport = (envelope, context) => {
      most = Math.max(most, ++underWay);
      return Promise.resolve(http(envelope, context)).finally(() => underWay--);
    };
    outbox.registerSender(endpoint, { transport: counting, backoff: fast, timeoutMs: 10_000 });
    const delivered = new Set<string>();
    outbox.addEventListener('delivered', (e) => delivered.add((e as OutboxEvent).entry!.id));
    await outbox.submit(endpoint, rating(0));
    await waitFor(async () => (await collectorState(name)).requests.length === 1, 'the pass');
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 9; i++) await outbox.submit(endpoint, rating(1));
    // Hundreds at once wait behind the browser's six connections, time out and are sent again.
    await waitFor(() => delivered.size === 10, 'every delivery', 20_000);
    expect(most, 'requests under way at once, through the next pass too').to.equal(4);
    const { records, requests } = await collectorState(name);
    expect(records).to.have.length(10);
    expect(requests, 'each sent once').to.have.length(10);
  });
});
