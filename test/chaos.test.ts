import { expect } from '@open-wc/testing';
import { collectorState, goOfflineFor, newBucket, setFaults, waitFor, waitForOnline } from './support/helpers.js';

// 200 ratings from two tabs (iframes sharing this origin's IndexedDB outbox), each tab reloaded
// several times while submissions are still in flight, with offline periods in between, against
// a collector that fails every third request (503, a dropped connection, a stalled answer, an
// answer lost after the record was stored).
// At the end the collector must hold exactly the 200 submissions: none lost, none twice.
describe('chaos: two tabs, reloads, offline periods, a failing collector', function () {
  this.timeout(240_000);

  it('delivers exactly 200 records, no duplicates, no loss', async () => {
    const { name, endpoint } = newBucket('chaos');
    await setFaults(name, [], {
      failEvery: 3,
      cycle: [{ status: 503, retryAfter: 0 }, { drop: true }, { stallMs: 800 }, { dropAfterStore: true }],
    });
    const submitted = new Set<string>();
    const pending = new Map<string, number>();
    const onMessage = (e: MessageEvent) => {
      const m = e.data;
      if (m?.source !== 'chaos') return;
      if (m.type === 'submitted') for (const id of m.ids as string[]) submitted.add(id);
      if (m.type === 'pending') pending.set(m.tab, m.n);
    };
    window.addEventListener('message', onMessage);
    const frames = new Map<string, HTMLIFrameElement>();
    const load = (tab: string, count: number) => {
      frames.get(tab)?.remove(); // a reload: the old page goes away mid-flight
      const frame = document.createElement('iframe');
      frame.src = `/test/fixtures/chaos-frame.html?tab=${tab}&count=${count}&endpoint=${encodeURIComponent(endpoint)}`;
      document.body.append(frame);
      frames.set(tab, frame);
    };
    try {
      // Eight loads of 25 ratings, alternating tabs; two offline periods.
      const plan: Array<[string, number]> = [
        ['citizen', 25],
        ['authority', 25],
        ['citizen', 25],
        ['authority', 25],
        ['citizen', 25],
        ['authority', 25],
        ['citizen', 25],
        ['authority', 25],
      ];
      for (const [i, [tab, count]] of plan.entries()) {
        const before = submitted.size;
        load(tab, count);
        await waitFor(() => submitted.size === before + count, `load ${i + 1} to submit`, 60_000);
        if (i === 2 || i === 5) {
          await goOfflineFor(1500);
          await waitForOnline();
        }
      }
      expect(submitted.size).to.equal(200);
      // Last loads of both tabs stay open until everything is delivered.
      load('citizen', 0);
      await waitFor(
        async () => (await collectorState(name)).records.length >= 200,
        'the collector to hold 200 records',
        150_000,
      );
      const state = await collectorState(name);
      const ids = state.records.map((r) => r.id);
      expect(ids.length).to.equal(200);
      expect(new Set(ids).size).to.equal(200);
      expect(new Set(ids)).to.deep.equal(submitted);
      // The faults really happened, and retries reused the submission id as Idempotency-Key.
      expect(state.requests.filter((r) => r.fault).length).to.be.greaterThan(60);
      expect(state.requests.every((r) => r.key === r.id || r.id === undefined)).to.be.true;
      // And nothing is left waiting in the outbox.
      // (A submission whose answer was lost after it was stored may still be waiting for its
      // backoff: ask again until its retry has been answered as a duplicate.)
      // Coming back online retries at once, whatever the backoff: as a person's connection would.
      await setFaults(name, []);
      await goOfflineFor(500);
      await waitForOnline();
      let asked = 0;
      await waitFor(
        () => {
          if (Date.now() - asked > 500) {
            asked = Date.now();
            pending.clear();
            for (const frame of frames.values()) frame.contentWindow!.postMessage({ type: 'pending?' }, '*');
          }
          return [...frames.keys()].every((t) => pending.get(t) === 0);
        },
        'empty outboxes',
        100_000,
      );
      expect((await collectorState(name)).records.length).to.equal(200);
    } finally {
      window.removeEventListener('message', onMessage);
      for (const frame of frames.values()) frame.remove();
    }
  });
});
