import { expect, html } from '@open-wc/testing';
import '../src/components/self-rating/define.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import type { LcSubmitEvent } from '../src/core/events.js';
import { getOutbox } from '../src/core/outbox.js';
import type { SubmissionState } from '../src/core/submission-controller.js';
import { collectorState, counted, newBucket, setFaults, waitFor, type Fault } from './support/helpers.js';
import { mount } from './self-rating-support.js';

// Two tabs of one portal: this page, and one in an iframe whose page has modules of its own (its
// own outbox over the same database, its own BroadcastChannel), as another tab has. A rating sent
// here waits (the server is busy); the other tab, opened meanwhile, shows it on its way; when this
// tab delivers it (or it is refused), the other tab shows that too.

const part = (el: LcSelfRating, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const radios = (el: LcSelfRating) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
const statusText = (el: LcSelfRating) => part(el, 'status')!.textContent!.trim();

async function reach(el: LcSelfRating, state: SubmissionState, where: string) {
  await waitFor(
    () => el.submissionState === state,
    `"${state}" ${where} (still "${el.submissionState}": "${statusText(el)}")`,
    8000,
  );
  await el.updateComplete;
}

describe('a rating waiting in the outbox, open in two tabs', () => {
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

  /**
   * Sends a rating here that the server cannot take now (a 503, try again in a minute), then
   * opens the other tab, which shows it waiting (its own first try got a 503 too). `then` is what
   * the collector answers after that.
   */
  async function waitingInTwoTabs(then: Fault[]) {
    const { name, endpoint } = newBucket('tabs');
    const busy = { status: 503, retryAfter: 60, message: 'busy' };
    await setFaults(name, [busy, busy, ...then]);
    const here = await mount<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${endpoint}></lc-self-rating>`,
    );
    let id = '';
    here.addEventListener('lc-submit', (e) => (id = (e as LcSubmitEvent).envelope.id));
    radios(here)[2]!.click();
    part(here, 'submit')!.click();
    await reach(here, 'queued', 'here');

    frame.src = `/test/fixtures/rating-frame.html?${new URLSearchParams({ endpoint, criterion: 'trust' })}`;
    const there = await waitFor(
      () => frame.contentDocument?.querySelector<LcSelfRating>('lc-self-rating'),
      'the other tab to load',
      15_000,
    );
    await reach(there, 'queued', 'in the other tab');
    expect(there.value, 'the answer on its way, taken up').to.equal('2');
    await waitFor(async () => (await collectorState(name)).requests.length === 2, 'the other tab’s own try');
    // Taken up, not sent by a press in that tab: it names its question (see the rating's nameStatus).
    expect(statusText(there), 'shown on its way').to.match(/^Trust: Saved\. /);
    return { name, here, there, id };
  }

  it('delivered here: the other tab shows it sent, and the collector has it once', async () => {
    const { name, here, there, id } = await waitingInTwoTabs([]);
    // The connection is back here: this tab delivers it.
    window.dispatchEvent(new Event('online'));
    await reach(here, 'sent', 'here');

    await reach(there, 'sent', 'in the other tab');
    expect(statusText(there)).to.equal('Trust: Thank you. Your answer has been sent.');
    const { records, requests } = await collectorState(name);
    expect(records.map((r) => r.id)).to.deep.equal([id]);
    expect(requests, 'two refused for now, one delivered: none from the other tab after').to.have.length(3);
  });

  /** Choose `level` and send again, after "Change my answer": the answer that replaces the one before. */
  async function changeAndSend(el: LcSelfRating, level: number, where: string): Promise<string> {
    let id = '';
    el.addEventListener('lc-submit', (e) => (id = (e as LcSubmitEvent).envelope.id), { once: true });
    part(el, 'submit')!.click(); // "Change my answer"
    await reach(el, 'idle', where);
    radios(el)[level]!.click();
    part(el, 'submit')!.click(); // "Send"
    await waitFor(() => id, `the new answer ${where}`);
    return id;
  }

  it('changed here while it waited: the other tab shows the new answer in its place, then sent', async () => {
    const { name, here, there, id } = await waitingInTwoTabs([]);
    // Taken back out of the outbox here ("Change my answer", then Send), the server back meanwhile.
    const newId = await changeAndSend(here, 4, 'here');
    await reach(here, 'sent', 'here');

    await reach(there, 'sent', 'in the other tab');
    expect(there.value, 'the answer sent in its place').to.equal('4');
    expect(statusText(there)).to.equal('Trust: Thank you. Your answer has been sent.');
    const { records } = await collectorState(name);
    expect(
      records.map((r) => r.id),
      'the one taken back never sent',
    ).to.deep.equal([newId]);
    expect(records[0]!['replaces']).to.equal(id);
    // And the other tab's "Change my answer" now replaces the new one: the person counted once.
    const third = await changeAndSend(there, 1, 'in the other tab');
    await reach(there, 'sent', 'in the other tab');
    const all = (await collectorState(name)).records;
    expect(all.find((r) => r.id === third)!['replaces']).to.equal(newId);
    expect(counted(all).map((r) => r.id)).to.deep.equal([third]);
  });

  it('changed in the other tab too while it waited: whichever sends last, the person is counted once', async () => {
    const { name, here, there } = await waitingInTwoTabs([]);
    // The other tab takes it back to change it (not sent yet), then this tab sends a new answer.
    part(there, 'submit')!.click();
    await reach(there, 'idle', 'in the other tab');
    const newId = await changeAndSend(here, 4, 'here');
    await reach(here, 'sent', 'here');
    // The other tab, still editing, keeps what it shows; its answer, sent now, replaces this tab's.
    expect(there.submissionState).to.equal('idle');
    radios(there)[1]!.click();
    let third = '';
    there.addEventListener('lc-submit', (e) => (third = (e as LcSubmitEvent).envelope.id), { once: true });
    part(there, 'submit')!.click();
    await reach(there, 'sent', 'in the other tab');
    const records = (await collectorState(name)).records;
    expect(records.find((r) => r.id === third)!['replaces']).to.equal(newId);
    expect(counted(records).map((r) => r.id)).to.deep.equal([third]);
  });

  it('sent, then changed here: the other tab, showing it sent, shows the new answer', async () => {
    const { name, here, there } = await waitingInTwoTabs([]);
    window.dispatchEvent(new Event('online'));
    await reach(here, 'sent', 'here');
    await reach(there, 'sent', 'in the other tab');
    const newId = await changeAndSend(here, 0, 'here');
    await reach(here, 'sent', 'here');
    await waitFor(() => there.value === '0', 'the new answer in the other tab');
    await reach(there, 'sent', 'in the other tab');
    expect(counted((await collectorState(name)).records).map((r) => r.id)).to.deep.equal([newId]);
  });

  it('refused here: the other tab shows the reason, and the collector has nothing', async () => {
    const { name, here, there } = await waitingInTwoTabs([{ status: 422, message: 'the round is closed' }]);
    window.dispatchEvent(new Event('online'));
    await reach(here, 'rejected', 'here');

    await reach(there, 'rejected', 'in the other tab');
    expect(statusText(there)).to.contain('the round is closed');
    expect(there.value, 'the answer kept').to.equal('2');
    const { records } = await collectorState(name);
    expect(records).to.have.length(0);
  });
});
