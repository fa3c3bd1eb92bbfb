import { expect } from '@open-wc/testing';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { coreStrings } from '../src/core/i18n/core-strings.js';
import { getOutbox, type OutboxEvent } from '../src/core/outbox.js';
import { httpTransport } from '../src/core/transport.js';
import { collectorState, newBucket, setFaults, waitFor, type Fault } from './support/helpers.js';

// The outbox's last try when the person leaves the page: a submission still waiting is handed to
// the browser with `keepalive`, which sends it after the page is gone. Real page loads: the rating
// lives in an iframe whose page is then left, as a person follows a link or closes the tab.

const part = (el: LcSelfRating, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('the outbox on pagehide', () => {
  let frame: HTMLIFrameElement;

  before(async () => {
    // The outbox database is created by a page that stays (see reflection-journal-frame.test.ts).
    await getOutbox('device').pending();
  });

  beforeEach(() => {
    frame = document.createElement('iframe');
    document.body.append(frame);
  });

  afterEach(() => frame.remove());

  /** A rating sent in the frame that the server cannot take now (a 503, try again in 10 minutes). */
  async function waitingInFrame(faults: Fault[] = [{ status: 503, retryAfter: 600, message: 'busy' }]) {
    const { name, endpoint } = newBucket('hide');
    await setFaults(name, faults);
    frame.src = `/test/fixtures/rating-frame.html?${new URLSearchParams({ endpoint, criterion: 'trust' })}`;
    const rating = await waitFor(
      () => frame.contentDocument?.querySelector<LcSelfRating>('lc-self-rating')?.shadowRoot?.querySelector('[role]'),
      'the frame to load',
      15_000,
    ).then(() => frame.contentDocument!.querySelector<LcSelfRating>('lc-self-rating')!);
    await rating.updateComplete;
    rating.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[3]!.click();
    part(rating, 'submit')!.click();
    await waitFor(() => rating.submissionState === 'queued', 'the rating to wait in the outbox');
    expect((await collectorState(name)).requests).to.have.length(1);
    return name;
  }

  it('sends what waits as the page is left, and the collector records it once', async () => {
    const name = await waitingInFrame();
    // The next try would be in 10 minutes: a request now is the one made on leaving.
    frame.src = 'about:blank';
    const state = await waitFor(async () => {
      const s = await collectorState(name);
      return s.records.length ? s : undefined;
    }, 'the submission sent on leaving the page');
    expect(state.requests).to.have.length(2);
    expect(state.requests[1]!.id).to.equal(state.requests[0]!.id);
    expect(state.records.map((r) => r.id)).to.deep.equal([state.requests[0]!.id]);
    expect((state.records[0]!['data'] as { level: number }).level).to.equal(3);
  });

  it('also when the page is reloaded, and the next load’s own send is deduplicated', async () => {
    const name = await waitingInFrame();
    frame.contentWindow!.location.reload();
    await waitFor(async () => (await collectorState(name)).records.length === 1, 'the submission sent on leaving');
    // The reloaded page finds it still queued, tries it at once, and the collector keeps one.
    await waitFor(async () => (await collectorState(name)).requests.length >= 3, 'the next load’s try');
    const state = await collectorState(name);
    expect(new Set(state.requests.map((r) => r.id)).size).to.equal(1);
    expect(state.records).to.have.length(1);
  });

  it('after a reload, says the server could not take it, as before, not that the connection is lost', async () => {
    const busy = { status: 503, retryAfter: 600, message: 'busy' };
    // Busy for the send and for the try on leaving; the next load's try gets no answer for a while.
    const name = await waitingInFrame([busy, busy, { stallMs: 4000 }]);
    const before = frame.contentDocument!.querySelector<LcSelfRating>('lc-self-rating')!;
    const status = (el: LcSelfRating) => part(el, 'status')!.textContent!.trim();
    expect(status(before)).to.equal(coreStrings.en['submit.queued-server']);
    frame.contentWindow!.location.reload();
    const after = await waitFor(
      () => {
        const el = frame.contentDocument?.querySelector<LcSelfRating>('lc-self-rating');
        return el && el !== before && el.submissionState === 'queued' ? el : undefined;
      },
      'the reloaded rating to show its answer waiting',
      15_000,
    );
    await waitFor(async () => (await collectorState(name)).requests.length === 3, 'the next load’s try');
    await after.updateComplete;
    // What the server said last, while the next try waits for an answer (taken up after the
    // reload, not answering a press: it names its question).
    expect(status(after)).to.equal(`Trust: ${coreStrings.en['submit.queued-server']}`);
  });
  it('leaves to the other tab what it queued a moment ago, on its way there: one request, not two', async () => {
    const { name, endpoint } = newBucket('hide');
    // The other tab's first try takes 3 s to be answered.
    await setFaults(name, [{ stallMs: 3000 }]);
    // This page is a tab of the portal with an element posting to the endpoint.
    const here = getOutbox('device');
    here.registerSender(endpoint, { transport: httpTransport() });
    let told = '';
    const heard = (e: Event) => (told = (e as OutboxEvent).entry?.endpoint === endpoint ? e.type : told);
    here.addEventListener('queued', heard);
    try {
      frame.src = `/test/fixtures/outbox-frame.html?${new URLSearchParams({ endpoint, submit: '1' })}`;
      await waitFor(() => told, 'this tab to be told of what the other queued');
      await waitFor(async () => (await collectorState(name)).requests.length === 1, "the other tab's try");
      // This tab is left while that try is on its way.
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      const state = await waitFor(async () => {
        const s = await collectorState(name);
        return s.records.length ? s : undefined;
      }, 'the delivery');
      // A send on leaving would have gone at once, long before the stalled answer.
      expect(state.requests.map((r) => r.id)).to.deep.equal([state.records[0]!.id]);
    } finally {
      here.removeEventListener('queued', heard);
    }
  });
});
