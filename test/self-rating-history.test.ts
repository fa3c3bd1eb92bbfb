import { expect } from '@open-wc/testing';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { getOutbox } from '../src/core/outbox.js';
import { collectorState, newBucket, waitFor } from './support/helpers.js';

// Real history: the ratings live in an iframe whose page is answered in, left for another page,
// and come back to with Back, as a person (or the next person at a kiosk) does. Back loads the
// frame's page again (a frame is never kept whole in the back/forward cache), and the browser
// gives its controls the state it kept of them (formStateRestoreCallback).
describe("<lc-self-rating> and the browser's Back button", () => {
  let frame: HTMLIFrameElement;
  let readies = 0;
  const onMessage = (e: MessageEvent) => {
    if (e.data?.source === 'history-frame' && e.data.type === 'ready') readies += 1;
  };

  before(async () => {
    // Created here, in a page that stays, not first by an unloading frame (see journal-frame's test).
    await getOutbox('device').pending();
  });

  beforeEach(() => {
    readies = 0;
    window.addEventListener('message', onMessage);
    frame = document.createElement('iframe');
    document.body.append(frame);
  });

  afterEach(() => {
    window.removeEventListener('message', onMessage);
    frame.remove();
  });

  async function open(query: Record<string, string>): Promise<void> {
    frame.src = `/test/fixtures/history-frame.html?${new URLSearchParams(query)}`;
    await waitFor(() => readies === 1, 'the page', 15_000);
  }

  /** Follows a link to another page, then presses Back. */
  async function awayAndBack(): Promise<void> {
    const loads = readies;
    const away = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.contentWindow!.location.href = '/test/fixtures/away.html';
    await away;
    frame.contentWindow!.history.back();
    await waitFor(() => readies === loads + 1, 'the page again, by Back', 15_000);
    const navigation = frame.contentWindow!.performance.getEntriesByType(
      'navigation',
    )[0] as PerformanceNavigationTiming;
    expect(navigation.type, 'a history navigation').to.equal('back_forward');
    // Anything the rating would take up from the outbox, as after a reload.
    await new Promise((r) => setTimeout(r, 100));
  }

  const rating = (id: 'alone' | 'in-form') => frame.contentDocument!.getElementById(id) as LcSelfRating;

  async function answer(el: LcSelfRating, value: string, comment: string): Promise<void> {
    el.shadowRoot!.querySelector<HTMLElement>(`[role="radio"][data-value="${value}"]`)!.click();
    const field = el.shadowRoot!.querySelector('textarea')!;
    field.value = comment;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }

  it('a rating that sent its answer comes back blank, not as an unsent answer to send (and count) again', async () => {
    const bucket = newBucket('history-sent');
    await open({ endpoint: bucket.endpoint });
    const el = rating('alone');
    await answer(el, '3', "A's private comment");
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitFor(() => el.submissionState === 'sent', 'the answer sent');

    await awayAndBack();
    const back = rating('alone');
    expect(back.value, 'not the answer sent, as unsent').to.equal('');
    expect(back.commentText).to.equal('');
    expect(back.submissionState).to.equal('idle');
    expect(back.shadowRoot!.querySelector('textarea')!.value).to.equal('');
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  it('with storage="none", nothing typed comes back (the browser kept none of it)', async () => {
    await open({ storage: 'none' });
    await answer(rating('alone'), '2', 'Typed on its own');
    await answer(rating('in-form'), '4', 'Private words');

    await awayAndBack();
    for (const id of ['in-form', 'alone'] as const) {
      expect(rating(id).value, id).to.equal('');
      expect(rating(id).commentText, id).to.equal('');
    }
  });

  it('with storage="none", a form\'s rating sends nothing after Back: the browser kept none of its answer', async () => {
    await open({ storage: 'none' });
    const el = rating('in-form');
    await answer(el, '3', 'Private words');
    expect([...new FormData(el.form!)]).to.deep.equal([
      ['trust', '3'],
      ['trust-comment', 'Private words'],
    ]);

    await awayAndBack();
    const back = rating('in-form');
    const given = (frame.contentWindow as Window & { restoredFormData?: string[][] }).restoredFormData;
    expect(given, 'what the browser gave back, before the rating drew').to.deep.equal([[]]);
    expect(back.value).to.equal('');
    expect([...new FormData(back.form!)], 'what the form sends').to.deep.equal([]);
  });

  it("a form's rating comes back as it was left, as a native control (device storage)", async () => {
    await open({ storage: 'device' });
    await answer(rating('in-form'), '4', 'Kept by the browser');
    await answer(rating('alone'), '1', 'Not in a form');

    await awayAndBack();
    const inForm = rating('in-form');
    expect(inForm.value).to.equal('4');
    expect(inForm.commentText).to.equal('Kept by the browser');
    expect(new FormData(inForm.form!).get('trust-comment')).to.equal('Kept by the browser');
    // Outside a form the browser keeps nothing: it has no form to send it with.
    expect(rating('alone').value).to.equal('');
    expect(rating('alone').commentText).to.equal('');
  });
});
