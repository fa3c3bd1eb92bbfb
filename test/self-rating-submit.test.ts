import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// Loaded up front: axe runs while the browser is offline, when it could not be fetched.
import 'axe-core/axe.min.js';
import '../src/components/community/define.js';
import '../src/components/self-rating/define.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import type { LcSubmitErrorEvent, LcSubmitEvent } from '../src/core/events.js';
import { getOutbox } from '../src/core/outbox.js';
import { SEEN_MS, type SubmissionState } from '../src/core/submission-controller.js';
import { mount } from './self-rating-support.js';
import {
  captureConsoleErrors,
  collectorState,
  counted,
  newBucket,
  release,
  setFaults,
  setOffline,
  waitFor,
} from './support/helpers.js';

const part = (el: LcSelfRating, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const radios = (el: LcSelfRating) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
const submitButton = (el: LcSelfRating) => part(el, 'submit') as HTMLButtonElement;
const statusText = (el: LcSelfRating) => part(el, 'status')!.textContent!.trim();

async function reach(el: LcSelfRating, state: SubmissionState) {
  await waitFor(() => el.submissionState === state, `the submission state "${state}" (still "${el.submissionState}")`);
  await el.updateComplete;
}

/** Collects the ids of the envelopes this element submits. */
function submittedIds(el: Element): string[] {
  const ids: string[] = [];
  el.addEventListener('lc-submit', (e) => ids.push((e as LcSubmitEvent).envelope.id));
  return ids;
}

/** A trust rating with `value` sent while offline, to `endpoint` (the bucket's by default): queued. */
async function sendOffline(
  prefix: string,
  value: string,
  endpoint: (bucket: { endpoint: string }) => string = (b) => b.endpoint,
) {
  const bucket = newBucket(prefix);
  const el = await fixture<LcSelfRating>(
    html`<lc-self-rating criterion="trust" endpoint=${endpoint(bucket)} value=${value}></lc-self-rating>`,
  );
  const ids = submittedIds(el);
  await setOffline(true);
  submitButton(el).click();
  await reach(el, 'queued');
  return { bucket, el, ids };
}

/** A trust rating that sent `value` (delivered), then took "change my answer": editable again. */
async function sentThenChanged(prefix: string, value: string) {
  const bucket = newBucket(prefix);
  const el = await fixture<LcSelfRating>(
    html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value=${value}></lc-self-rating>`,
  );
  const ids = submittedIds(el);
  submitButton(el).click();
  await reach(el, 'sent');
  submitButton(el).click(); // "Change my answer"
  await reach(el, 'idle');
  return { bucket, el, ids };
}

describe('<lc-self-rating> standalone submission', () => {
  afterEach(async () => {
    await setOffline(false);
  });

  it('"Send" pressed again before the button was drawn as "Change my answer": the answer stays sent', async () => {
    const bucket = newBucket('send-twice');
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="2"></lc-self-rating>`,
    );
    submitButton(el).click();
    await reach(el, 'sent');
    // The button as it was drawn a moment before the answer arrived (a slow render): "Send".
    submitButton(el).dataset['action'] = 'send';
    submitButton(el).click();
    await el.updateComplete;
    expect(el.submissionState, 'not taken back by a press meant as "Send"').to.equal('sent');
    expect(submitButton(el).textContent!.trim()).to.equal('Change my answer');
    // Pressed as drawn now, it takes the answer back to change it.
    submitButton(el).dataset['action'] = 'change';
    submitButton(el).click();
    await reach(el, 'idle');
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  it('"Send" double-clicked: the second click, landing on "Change my answer", does not take the answer back', async () => {
    const bucket = newBucket('send-double');
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="2"></lc-self-rating>`,
    );
    submitButton(el).click();
    await reach(el, 'sent');
    // A quick server answered within the double-click: its second click (detail 2) finds "change".
    expect(submitButton(el).dataset['action']).to.equal('change');
    submitButton(el).dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 2 }));
    await el.updateComplete;
    expect(el.submissionState, 'still sent').to.equal('sent');
    expect(submitButton(el).textContent!.trim()).to.equal('Change my answer');
    // A press of its own (a first click, or Enter: detail 1 or 0) changes it.
    submitButton(el).dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
    await reach(el, 'idle');
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  describe('"Send" pressed from the keyboard', () => {
    /** A trust rating answered "2", its "Send" focused as a keyboard user reaches it. */
    async function focusedSend(prefix: string) {
      const bucket = newBucket(prefix);
      const el = await fixture<LcSelfRating>(
        html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="2"></lc-self-rating>`,
      );
      submitButton(el).focus();
      return { bucket, el };
    }

    /** Long enough for a person to have seen "Change my answer" where "Send" was, and meant it. */
    const seen = () => new Promise((r) => setTimeout(r, SEEN_MS + 100));

    for (const key of ['Enter', 'Space']) {
      it(`${key} pressed twice, the answer acknowledged in between: the second press does not take it back`, async () => {
        const { bucket, el } = await focusedSend(`keys-${key}`);
        await sendKeys({ press: key });
        // A quick server: acknowledged before the second press.
        await reach(el, 'sent');
        expect(submitButton(el).textContent!.trim()).to.equal('Change my answer');
        await sendKeys({ press: key });
        await el.updateComplete;
        expect(el.submissionState, 'still sent').to.equal('sent');
        expect(statusText(el)).to.equal('Thank you. Your answer has been sent.');
        // Pressed once the person has seen what the button says now: it takes the answer back.
        await seen();
        await sendKeys({ press: key });
        await reach(el, 'idle');
        expect(el.value, 'the answer stays, to be changed').to.equal('2');
        expect((await collectorState(bucket.name)).records).to.have.length(1);
      });
    }

    it('Enter held down: its auto-repeat never takes the answer back, however long it is held', async () => {
      const { bucket, el } = await focusedSend('keys-held');
      await sendKeys({ down: 'Enter' });
      await reach(el, 'sent');
      await seen();
      // Still held: the key repeats (a keydown with `repeat`), long after "Change my answer" appeared.
      await sendKeys({ down: 'Enter' });
      await el.updateComplete;
      expect(el.submissionState, 'still sent').to.equal('sent');
      await sendKeys({ up: 'Enter' });
      // Let go and pressed again: a press of its own.
      await sendKeys({ press: 'Enter' });
      await reach(el, 'idle');
      expect((await collectorState(bucket.name)).records).to.have.length(1);
    });

    it('"Change my answer" pressed from the keyboard still changes it, and a changed answer is sent', async () => {
      const { bucket, el } = await focusedSend('keys-change');
      await sendKeys({ press: 'Enter' });
      await reach(el, 'sent');
      await seen();
      await sendKeys({ press: 'Enter' });
      await reach(el, 'idle');
      expect(submitButton(el).textContent!.trim()).to.equal('Send');
      // "Send" again, as soon as it is back: sending is never held up.
      await sendKeys({ press: 'Enter' });
      await reach(el, 'sent');
      const { records } = await collectorState(bucket.name);
      expect(records).to.have.length(2);
      expect(counted(records)).to.have.length(1);
    });
  });

  it('sends a rating envelope with level, comment and evidence, and shows it was sent', async () => {
    const bucket = newBucket('rating');
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} comment evidence></lc-self-rating>`,
    );
    const ids = submittedIds(el);
    const status = part(el, 'status')!;
    expect(status.getAttribute('role'), 'a polite live region from the start').to.equal('status');
    expect(part(el, 'answer')!.textContent).to.equal('No answer chosen yet.');

    radios(el)[3]!.click();
    el.shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ type: 'Tested at the spring forum' });
    el.shadowRoot!.querySelector<HTMLInputElement>('#evidence')!.focus();
    await sendKeys({ type: 'https://example.org/forum' });
    await el.updateComplete;
    expect(part(el, 'answer')!.textContent).to.equal('Your answer: Tested and challenged.');

    const delivered = new Promise((resolve) => el.addEventListener('lc-submitted', resolve, { once: true }));
    submitButton(el).click();
    await reach(el, 'sent');
    await delivered;
    expect(part(el, 'status')).to.equal(status, 'the same live region, so the change is announced');
    expect(statusText(el)).to.equal('Thank you. Your answer has been sent.');
    expect(submitButton(el).textContent!.trim()).to.equal('Change my answer');
    expect(el.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-readonly')).to.equal('true');

    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    expect(records[0]!.id).to.equal(ids[0]);
    expect(records[0]).to.include({ kind: 'rating', criterion: 'trust', schema: 'lc-submission/1' });
    expect(records[0]!['data']).to.deep.equal({
      level: 3,
      comment: 'Tested at the spring forum',
      evidence: 'https://example.org/forum',
    });
  });

  it('sends "don\'t know" as level null, with the community\'s settings', async () => {
    const bucket = newBucket('dontknow');
    const community = await fixture(
      html`<lc-community endpoint=${bucket.endpoint} community="aarhus" round="2026-spring" perspective="citizen"
        ><lc-self-rating criterion="inclusion"></lc-self-rating
      ></lc-community>`,
    );
    const el = community.querySelector('lc-self-rating')!;
    await el.updateComplete;
    radios(el)[5]!.click();
    await el.submit();
    await reach(el, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    expect(records[0]).to.include({ community: 'aarhus', round: '2026-spring', perspective: 'citizen' });
    expect(records[0]!['data']).to.deep.equal({ level: null });
  });

  it('"change my answer" returns to editing and the next send is a new submission that replaces the first', async () => {
    const bucket = newBucket('change');
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="1"></lc-self-rating>`,
    );
    const ids = submittedIds(el);
    submitButton(el).click();
    await reach(el, 'sent');
    radios(el)[4]!.click();
    expect(el.value, 'locked while sent').to.equal('1');

    submitButton(el).click();
    await el.updateComplete;
    expect(el.submissionState).to.equal('idle');
    expect(submitButton(el).textContent!.trim()).to.equal('Send');
    expect(document.activeElement === el || el.shadowRoot!.activeElement === submitButton(el)).to.be.true;
    radios(el)[4]!.click();
    expect(el.value).to.equal('4');
    submitButton(el).click();
    await reach(el, 'sent');

    expect(ids).to.have.length(2);
    expect(ids[0]).to.not.equal(ids[1]);
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r.id).sort()).to.deep.equal([...ids].sort());
    expect(records.find((r) => r.id === ids[1])!['data']).to.deep.equal({ level: 4 });
    // The collector counts the person once: the new answer names the one it replaces.
    expect(records.find((r) => r.id === ids[0])!['replaces']).to.equal(undefined);
    expect(records.find((r) => r.id === ids[1])!['replaces']).to.equal(ids[0]);

    // Changed once more: the third answer replaces the second.
    submitButton(el).click(); // "Change my answer"
    await reach(el, 'idle');
    radios(el)[2]!.click();
    submitButton(el).click();
    await reach(el, 'sent');
    const third = (await collectorState(bucket.name)).records.find((r) => r.id === ids[2])!;
    expect(third['replaces'], 'a second change replaces the second answer').to.equal(ids[1]);
  });

  it('read-only after sending: Tab leaves the group from the option the arrows reached', async () => {
    const bucket = newBucket('readonly-tab');
    const wrapper = await mount<HTMLDivElement>(
      html`<div>
        <button>before</button><lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="3"></lc-self-rating
        ><button>after</button>
      </div>`,
    );
    const el = wrapper.querySelector('lc-self-rating')!;
    const [before] = wrapper.querySelectorAll('button');
    const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
    const stops = () => radios(el).map((r) => r.tabIndex);
    const press = (key: string) => sendKeys({ press: key });
    submitButton(el).click();
    await reach(el, 'sent');

    el.focus();
    expect(focused()?.dataset['value']).to.equal('3');
    await press('ArrowLeft');
    await el.updateComplete;
    expect(focused()?.dataset['value'], 'explored, not changed').to.equal('2');
    expect(el.value).to.equal('3');
    expect(stops(), 'one tab stop, where focus is').to.deep.equal([-1, -1, 0, -1, -1, -1]);
    await press('Tab');
    expect(focused(), 'out of the group at once').to.equal(submitButton(el));
    expect(submitButton(el).textContent!.trim()).to.equal('Change my answer');
    await el.updateComplete;
    expect(stops(), 'back on the checked option').to.deep.equal([-1, -1, -1, 0, -1, -1]);
    await sendKeys({ down: 'Shift' });
    await press('Tab');
    expect(focused()?.dataset['value'], 'Shift+Tab comes back in on the checked option').to.equal('3');
    await press('ArrowLeft');
    await press('ArrowLeft');
    await press('Tab');
    await sendKeys({ up: 'Shift' });
    expect(document.activeElement, 'Shift+Tab leaves the group backwards too').to.equal(before);
    await el.updateComplete;
    expect(stops()).to.deep.equal([-1, -1, -1, 0, -1, -1]);

    // Editable again: the arrows choose, and the tab stop is the choice.
    submitButton(el).click(); // "Change my answer"
    await reach(el, 'idle');
    el.focus();
    await press('ArrowLeft');
    await el.updateComplete;
    expect(el.value).to.equal('2');
    expect(stops()).to.deep.equal([-1, -1, 0, -1, -1, -1]);
    await press('Tab');
    expect(focused()).to.equal(submitButton(el));
  });

  it('"change my answer" while it waits offline: the next send replaces it, one record arrives', async () => {
    const { bucket, el, ids } = await sendOffline('replace', '1');
    submitButton(el).click(); // "Change my answer"
    await reach(el, 'idle');
    radios(el)[3]!.click();
    submitButton(el).click();
    await reach(el, 'queued');
    await setOffline(false);
    await reach(el, 'sent');
    expect(ids).to.have.length(2);
    const { records } = await collectorState(bucket.name);
    expect(
      records.map((r) => r.id),
      'the first one was taken back',
    ).to.deep.equal([ids[1]]);
    expect(records[0]!['data']).to.deep.equal({ level: 3 });
    expect(records[0]!['replaces'], 'in case the first had gone out after all').to.equal(ids[0]);
    expect((await getOutbox('device').pending()).some((e) => ids.includes(e.id))).to.be.false;
  });

  it('"change my answer" while it waits offline, and no new send: the first is still delivered', async () => {
    const { bucket, el, ids } = await sendOffline('change-only', '1');
    submitButton(el).click(); // "Change my answer", then nothing more
    await reach(el, 'idle');
    await setOffline(false);
    await waitFor(async () => (await collectorState(bucket.name)).records.length === 1, 'the first answer');
    expect((await collectorState(bucket.name)).records.map((r) => r.id)).to.deep.equal(ids);
  });

  it('queues while offline ("saved, will be sent") and delivers exactly once when back online', async () => {
    const { bucket, el, ids } = await sendOffline('offline', '2');
    expect(statusText(el)).to.equal('Saved. It will be sent when the connection is back.');
    expect(submitButton(el).textContent!.trim()).to.equal('Change my answer');
    await expect(el).to.be.accessible();

    await setOffline(false);
    await reach(el, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(ids).to.have.length(1);
    expect(records.filter((r) => r.id === ids[0])).to.have.length(1);
    expect(records).to.have.length(1);
  });

  it('two ratings on a page, both waiting: each fate that comes later names its question, for the screen reader', async () => {
    const refusing = newBucket('later-refused');
    const taking = newBucket('later-sent');
    await setFaults(refusing.name, [{ status: 422, message: 'This round is closed' }]);
    const page = await fixture<HTMLElement>(
      html`<div>
        <lc-self-rating criterion="trust" endpoint=${refusing.endpoint} value="4"></lc-self-rating>
        <lc-self-rating criterion="inclusion" endpoint=${taking.endpoint} value="2"></lc-self-rating>
      </div>`,
    );
    const [trust, inclusion] = [...page.querySelectorAll<LcSelfRating>('lc-self-rating')] as [
      LcSelfRating,
      LcSelfRating,
    ];
    /** What the status shows: its text without what only a screen reader reads. */
    const shown = (el: LcSelfRating) => {
      const copy = part(el, 'status')!.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
      return copy.textContent!.trim();
    };
    await setOffline(true);
    for (const el of [trust, inclusion]) {
      submitButton(el).click();
      await reach(el, 'queued');
    }
    // Said as the person pressed "Send" there: heard where they are, no name needed.
    expect(statusText(trust)).to.equal('Saved. It will be sent when the connection is back.');
    expect(statusText(inclusion)).to.equal('Saved. It will be sent when the connection is back.');
    // Later, with the focus on the second rating's button: each says which question it is about.
    const errors = await captureConsoleErrors(async () => {
      await setOffline(false);
      await reach(trust, 'rejected');
      await reach(inclusion, 'sent');
    });
    expect(errors.join('\n')).to.contain('This round is closed');
    expect(statusText(trust)).to.equal(
      'Trust: Not accepted: This round is closed. Your answer is still here; you can change it and try again.',
    );
    expect(statusText(inclusion)).to.equal('Inclusion in practice: Thank you. Your answer has been sent.');
    // On screen the status is right under its question: not named there.
    expect(shown(trust)).to.equal(
      'Not accepted: This round is closed. Your answer is still here; you can change it and try again.',
    );
    expect(shown(inclusion)).to.equal('Thank you. Your answer has been sent.');
    await expect(trust).to.be.accessible();
    // Tried again by its own button: the answer to that press is heard there, unnamed.
    submitButton(trust).click();
    await reach(trust, 'sent');
    expect(statusText(trust)).to.equal('Thank you. Your answer has been sent.');
  });

  it('a request that fails while the browser is online: not "when the connection is back", and the console says what to check', async () => {
    // A dropped connection stands for every failure the page cannot tell apart from it while
    // online: a server down, CORS (the collector does not allow the page's origin), a
    // Content-Security-Policy without the endpoint in connect-src.
    const bucket = newBucket('unreached');
    // Every request, until the test lets the server answer: Chromium tries a request again on its
    // own when a reused connection drops (more than once on a busy machine), so any fixed number
    // of drops could all go in one try, and the rating be sent without ever waiting.
    await setFaults(bucket.name, [], { failEvery: 1, cycle: [{ drop: true }] });
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="3"></lc-self-rating>`,
    );
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      submitButton(el).click();
      await reach(el, 'queued');
      await waitFor(() => warnings.some((w) => w.includes('could not be reached')), 'the console line');
    } finally {
      console.warn = warn;
    }
    expect(navigator.onLine).to.equal(true);
    expect(statusText(el)).to.equal(
      'Saved. The server could not take it just now; it will be sent again automatically.',
    );
    const line = warnings.filter((w) => w.includes('could not be reached'));
    expect(line, 'once for the endpoint').to.have.length(1);
    expect(line[0]).to.contain(new URL(bucket.endpoint, location.href).href);
    expect(line[0])
      .to.match(/LC_ALLOWED_ORIGINS/)
      .and.match(/connect-src/)
      .and.match(/redirect/);
    await expect(el).to.be.accessible();
    // Nothing lost: delivered once the server answers (tried at once when the browser says online).
    await setFaults(bucket.name, []);
    window.dispatchEvent(new Event('online'));
    await reach(el, 'sent');
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  it('after a reload, shows the answer still waiting to be sent, and a changed one replaces it', async () => {
    const bucket = newBucket('resume');
    const first = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} comment></lc-self-rating>`,
    );
    const ids = submittedIds(first);
    await setOffline(true);
    radios(first)[1]!.click();
    first.commentText = 'Monthly meetings';
    await first.updateComplete;
    submitButton(first).click();
    await reach(first, 'queued');
    first.remove(); // the page goes away, the answer waits in the outbox

    // The page again (a new element): the question shows the answer on its way, not a blank one.
    const again = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} comment></lc-self-rating>`,
    );
    await reach(again, 'queued');
    expect(again.value).to.equal('1');
    expect(again.commentText).to.equal('Monthly meetings');
    // Taken up as the page loads, not answering a press: it names its question (see nameStatus).
    expect(statusText(again)).to.equal('Trust: Saved. It will be sent when the connection is back.');
    expect(submitButton(again).textContent!.trim()).to.equal('Change my answer');
    // Another question on the same page is not taken for it.
    const other = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="inclusion" endpoint=${bucket.endpoint}></lc-self-rating>`,
    );
    await other.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(other.submissionState).to.equal('idle');
    expect(other.value).to.equal('');

    // Changed before it left: the new answer replaces the waiting one; one record arrives.
    const againIds = submittedIds(again);
    submitButton(again).click(); // "Change my answer"
    await reach(again, 'idle');
    radios(again)[3]!.click();
    submitButton(again).click();
    await reach(again, 'queued');
    await setOffline(false);
    await reach(again, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r.id)).to.deep.equal(againIds);
    expect(records[0]!['data']).to.deep.equal({ level: 3, comment: 'Monthly meetings' });
    expect(records[0]!['replaces']).to.equal(ids[0]);
  });

  it('after a reload, shows a waiting answer only to the perspective that gave it (a shared kiosk)', async () => {
    const bucket = newBucket('kiosk');
    const community = `kiosk-${Math.random().toString(36).slice(2, 8)}`;
    const page = (perspective: string) =>
      fixture<HTMLElement>(
        html`<lc-community endpoint=${bucket.endpoint} community=${community} perspective=${perspective}
          ><lc-self-rating criterion="trust"></lc-self-rating
        ></lc-community>`,
      );
    const rating = (host: HTMLElement) => host.querySelector<LcSelfRating>('lc-self-rating')!;
    const citizen = await page('citizen');
    await rating(citizen).updateComplete;
    await setOffline(true);
    radios(rating(citizen))[4]!.click();
    submitButton(rating(citizen)).click();
    await reach(rating(citizen), 'queued');
    citizen.remove();

    // The next person, a partner: a blank question.
    const partner = await page('partner');
    await rating(partner).updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(rating(partner).submissionState).to.equal('idle');
    expect(rating(partner).value).to.equal('');
    partner.remove();

    // The citizen's page again: their answer, on its way.
    const back = await page('citizen');
    await reach(rating(back), 'queued');
    expect(rating(back).value).to.equal('4');
    await setOffline(false);
    await reach(rating(back), 'sent');
  });

  it('after a reload, finds its waiting answer with a community, round and perspective written decomposed', async () => {
    // "århus" with its "å" as an "a" and a combining ring (as macOS may paste it): sent composed,
    // as the collector files it, and still this rating's answer when the page is back.
    const bucket = newBucket('nfd');
    const decomposed = (name: string) => name.normalize('NFD');
    const community = `\u00e5rhus-${Math.random().toString(36).slice(2, 8)}`;
    expect(decomposed(community)).to.not.equal(community);
    const page = () =>
      fixture<HTMLElement>(
        html`<lc-community
          endpoint=${bucket.endpoint}
          community=${decomposed(community)}
          round=${decomposed('for\u00e5r')}
          perspective=${decomposed('bestyrelse-\u00e9')}
          ><lc-self-rating criterion="trust"></lc-self-rating
        ></lc-community>`,
      );
    const rating = (host: HTMLElement) => host.querySelector<LcSelfRating>('lc-self-rating')!;
    const first = await page();
    await rating(first).updateComplete;
    const ids = submittedIds(rating(first));
    await setOffline(true);
    radios(rating(first))[2]!.click();
    submitButton(rating(first)).click();
    await reach(rating(first), 'queued');
    first.remove();

    const back = await page();
    const again = rating(back);
    await reach(again, 'queued');
    expect(again.value).to.equal('2');
    expect(submitButton(again).textContent!.trim()).to.equal('Change my answer');
    // Changed: the new answer replaces the waiting one, and the person is counted once.
    const againIds = submittedIds(again);
    submitButton(again).click();
    await reach(again, 'idle');
    radios(again)[4]!.click();
    submitButton(again).click();
    await reach(again, 'queued');
    await setOffline(false);
    await reach(again, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r.id)).to.deep.equal(againIds);
    expect(records[0]!['replaces']).to.equal(ids[0]);
    expect([records[0]!['community'], records[0]!['round'], records[0]!['perspective']]).to.deep.equal([
      community,
      'for\u00e5r',
      'bestyrelse-\u00e9',
    ]);
  });

  /** A kiosk's page: a trust rating with a comment, for `respondent` as a citizen. */
  const kiosk = (endpoint: string, community: string, respondent: string) =>
    fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<lc-community endpoint=${endpoint} community=${community} perspective="citizen" respondent=${respondent}
        ><lc-self-rating criterion="trust" comment></lc-self-rating
      ></lc-community>`,
    );
  const ratingIn = (host: HTMLElement) => host.querySelector<LcSelfRating>('lc-self-rating')!;

  it("after a reload, the next respondent never sees the last one's waiting answer, nor replaces it", async () => {
    const bucket = newBucket('kiosk-respondent');
    const community = `kiosk-${Math.random().toString(36).slice(2, 8)}`;
    // The server is busy: alice's answer waits, its next try not due for ten minutes.
    await setFaults(bucket.name, [{ status: 503, retryAfter: 600 }]);
    const alice = await kiosk(bucket.endpoint, community, 'alice');
    const first = ratingIn(alice);
    await first.updateComplete;
    const aliceIds = submittedIds(first);
    radios(first)[3]!.click();
    first.commentText = "Alice's comment";
    await first.updateComplete;
    submitButton(first).click();
    await reach(first, 'queued');
    alice.remove();

    // The kiosk reloads for bob: same community, round, perspective and criterion.
    const bob = await kiosk(bucket.endpoint, community, 'bob');
    const el = ratingIn(bob);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(el.submissionState, "not alice's answer, on its way").to.equal('idle');
    expect(el.value).to.equal('');
    expect(el.commentText).to.equal('');
    expect(submitButton(el).textContent!.trim()).to.equal('Send');
    const bobIds = submittedIds(el);
    radios(el)[0]!.click();
    submitButton(el).click();
    await reach(el, 'sent');
    expect(
      (await getOutbox('device').pending()).some((e) => e.id === aliceIds[0]),
      "alice's answer still waits",
    ).to.be.true;

    // Its next try (the browser back online): alice's answer arrives too, as she gave it.
    window.dispatchEvent(new Event('online'));
    await waitFor(async () => (await collectorState(bucket.name)).records.length === 2, "alice's answer");
    const { records } = await collectorState(bucket.name);
    const byId = (id: string | undefined) => records.find((r) => r.id === id)!;
    expect(byId(aliceIds[0])['respondent']).to.equal('alice');
    expect(byId(aliceIds[0])['data']).to.deep.equal({ level: 3, comment: "Alice's comment" });
    expect(byId(bobIds[0])['respondent']).to.equal('bob');
    expect(byId(bobIds[0])['replaces'], "bob's answer does not replace alice's").to.equal(undefined);
    expect(counted(records)).to.have.length(2);
  });

  it("a respondent's sent answer is shown sent again when the perspective comes back; changing it replaces it", async () => {
    const bucket = newBucket('kiosk-sent-back');
    const community = `kiosk-${Math.random().toString(36).slice(2, 8)}`;
    const host = await kiosk(bucket.endpoint, community, 'erin');
    const el = ratingIn(host);
    await el.updateComplete;
    const ids = submittedIds(el);
    radios(el)[3]!.click();
    submitButton(el).click();
    await reach(el, 'sent');
    // The person looks at another perspective's question, then comes back to their own.
    host.setAttribute('perspective', 'business');
    await host.updateComplete;
    await reach(el, 'idle');
    expect(el.value, 'another question: blank').to.equal('');
    host.setAttribute('perspective', 'citizen');
    await host.updateComplete;
    await reach(el, 'sent');
    expect(el.value, 'their answer, shown sent, not blank').to.equal('3');
    // "Change my answer" then sends one that replaces it: counted once.
    submitButton(el).click();
    await reach(el, 'idle');
    radios(el)[1]!.click();
    submitButton(el).click();
    await reach(el, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => [r.id, r['replaces'] ?? null])).to.deep.equal([
      [ids[0], null],
      [ids[1], ids[0]],
    ]);
  });

  it('a waiting answer is looked for again when the host switches the respondent back to its own', async () => {
    const bucket = newBucket('kiosk-back');
    const community = `kiosk-${Math.random().toString(36).slice(2, 8)}`;
    await setFaults(bucket.name, [{ status: 503, retryAfter: 600 }]);
    const alice = await kiosk(bucket.endpoint, community, 'alice');
    await ratingIn(alice).updateComplete;
    radios(ratingIn(alice))[2]!.click();
    submitButton(ratingIn(alice)).click();
    await reach(ratingIn(alice), 'queued');
    alice.remove();

    // Loaded for bob, who has not answered yet; the host switches to alice (her login, no reload).
    const host = await kiosk(bucket.endpoint, community, 'bob');
    const el = ratingIn(host);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(el.submissionState).to.equal('idle');
    host.setAttribute('respondent', 'alice');
    await host.updateComplete;
    await reach(el, 'queued');
    expect(el.value, 'her answer, on its way').to.equal('2');
    window.dispatchEvent(new Event('online'));
    await reach(el, 'sent');
  });

  for (const [fate, switched] of [
    ['refused', 'respondent'],
    ['delivered', 'respondent'],
    ['refused', 'perspective'],
  ] as const) {
    it(`the ${switched} switched while its answer waits, then ${fate}: told then, and shown when it is back`, async () => {
      const bucket = newBucket(`moved-on-${fate}`);
      const community = `kiosk-${Math.random().toString(36).slice(2, 8)}`;
      await setFaults(bucket.name, [
        { status: 503, retryAfter: 1 },
        ...(fate === 'refused' ? [{ status: 400, message: 'the round is closed' }] : []),
      ]);
      const host = await kiosk(bucket.endpoint, community, 'carol');
      const el = ratingIn(host);
      await el.updateComplete;
      const ids = submittedIds(el);
      const told: Event[] = [];
      for (const type of ['lc-submitted', 'lc-submit-error']) el.addEventListener(type, (e) => told.push(e));
      // Its fate, not a retry.
      const fates = () => told.filter((e) => e.type === 'lc-submitted' || !(e as LcSubmitErrorEvent).retrying);
      radios(el)[1]!.click();
      el.commentText = "Carol's comment";
      await el.updateComplete;
      submitButton(el).click();
      await reach(el, 'queued');

      // The next person (another login, or another perspective chosen), without a reload.
      const errors = await captureConsoleErrors(async () => {
        host.setAttribute(switched, switched === 'respondent' ? 'dave' : 'partner');
        await host.updateComplete;
        await el.updateComplete;
        expect(el.submissionState).to.equal('idle');
        expect(el.value, "not carol's answer").to.equal('');
        await waitFor(() => fates().length, `carol's answer ${fate}`);
        await el.updateComplete;
      });
      expect(fates().map((e) => e.type)).to.deep.equal([fate === 'refused' ? 'lc-submit-error' : 'lc-submitted']);
      expect((fates()[0] as LcSubmitErrorEvent).envelope.id).to.equal(ids[0]);
      if (fate === 'refused') expect(errors.join('\n')).to.match(/was rejected: the round is closed/);
      // Nothing of carol's is shown to the next person.
      expect(el.submissionState).to.equal('idle');
      expect(statusText(el)).to.equal('');

      // Carol again: her answer, and how it fared (told once).
      host.setAttribute(switched, switched === 'respondent' ? 'carol' : 'citizen');
      await host.updateComplete;
      await el.updateComplete;
      expect(el.value).to.equal('1');
      expect(el.commentText).to.equal("Carol's comment");
      expect(fates()).to.have.length(1);
      if (fate === 'delivered') {
        expect(el.submissionState).to.equal('sent');
        expect(statusText(el)).to.equal('Trust: Thank you. Your answer has been sent.');
        expect(submitButton(el).textContent!.trim()).to.equal('Change my answer');
        expect((await collectorState(bucket.name)).records.map((r) => r.id)).to.deep.equal(ids);
        return;
      }
      expect(el.submissionState).to.equal('rejected');
      expect(statusText(el)).to.contain('the round is closed');
      expect(submitButton(el).textContent!.trim()).to.equal('Try again');
      // Tried again, it arrives once, hers.
      submitButton(el).click();
      await reach(el, 'sent');
      const { records } = await collectorState(bucket.name);
      expect(records.map((r) => r.id)).to.deep.equal([ids[1]]);
      expect(records[0]!['respondent']).to.equal('carol');
      expect(records[0]!['data']).to.deep.equal({ level: 1, comment: "Carol's comment" });
    });
  }

  it('keeps a relative endpoint as the absolute URL it names on this page, for a later page to deliver', async () => {
    // "__lc/collect/…", relative to this page
    const relative = (bucket: { endpoint: string }) => bucket.endpoint.slice(1);
    const { bucket, el, ids } = await sendOffline('relative', '2', relative);
    const entry = (await getOutbox('device').pending()).find((e) => e.id === ids[0])!;
    // Another page (another folder) flushing the outbox posts it here, not to its own "__lc/collect/…".
    expect(entry.endpoint).to.equal(new URL(relative(bucket), document.baseURI).href);
    await setOffline(false);
    await reach(el, 'sent');
    expect((await collectorState(bucket.name)).records.map((r) => r.id)).to.deep.equal(ids);
  });

  for (const refused of [true, false]) {
    it(`removed as its answer went out, made anew once it ${refused ? 'was refused' : 'arrived'}: shown and told then`, async () => {
      const bucket = newBucket(refused ? 'anew-refused' : 'anew-sent');
      await setFaults(bucket.name, [
        refused ? { status: 422, message: 'round is closed', stallMs: 600 } : { stallMs: 600 },
      ]);
      const first = await fixture<LcSelfRating>(
        html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} comment></lc-self-rating>`,
      );
      radios(first)[4]!.click();
      submitButton(first).click();
      await reach(first, 'sending');
      // A framework's v-if / {#if} / @if: the widget goes while its answer is out.
      first.remove();
      // Settled with its element away: kept on the device for it, marked so, never sent again.
      // (Its own entry: other test pages share the device's outbox.)
      const mine = async () => (await getOutbox('device').pending()).find((e) => e.endpoint.includes(bucket.name));
      await waitFor(async () => {
        const entry = await mine();
        return refused ? !!entry?.refused : entry?.delivered !== undefined;
      }, 'the answer settled, kept for its element');
      // …and comes back as a new element, its listeners set before it is on the page.
      const told: string[] = [];
      const again = document.createElement('lc-self-rating') as LcSelfRating;
      again.setAttribute('criterion', 'trust');
      again.setAttribute('endpoint', bucket.endpoint);
      again.setAttribute('comment', '');
      for (const type of ['lc-submitted', 'lc-submit-error']) again.addEventListener(type, () => told.push(type));
      const errors = await captureConsoleErrors(async () => {
        document.body.append(again);
        await reach(again, refused ? 'rejected' : 'sent');
      });
      try {
        expect(again.value, 'the answer given').to.equal('4');
        expect(told).to.deep.equal([refused ? 'lc-submit-error' : 'lc-submitted']);
        if (refused) {
          expect(statusText(again)).to.contain('round is closed');
          expect(errors.join('\n')).to.match(/was rejected: round is closed/);
        }
        await waitFor(async () => !(await mine()), 'shown: the outbox lets it go');
        // Told once: the next element made for this question is blank.
        const third = await fixture<LcSelfRating>(
          html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint}></lc-self-rating>`,
        );
        await new Promise((r) => setTimeout(r, 100));
        expect(third.submissionState).to.equal('idle');
      } finally {
        again.remove();
      }
    });
  }

  it('made anew while its answer is being sent: says "Sending…", not that the connection is gone', async () => {
    const bucket = newBucket('anew');
    await setFaults(bucket.name, [{ stallMs: 1500 }]);
    const rating = () =>
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="2"></lc-self-rating>`;
    const first = await fixture<LcSelfRating>(rating());
    submitButton(first).click();
    await reach(first, 'sending');
    // A framework renders the widget again: a new element in place of the old one.
    first.remove();
    const again = await fixture<LcSelfRating>(rating());
    await reach(again, 'sending');
    expect(statusText(again)).to.equal('Trust: Sending…');
    await reach(again, 'sent');
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  it('removed while sending and added back once it has arrived: says it was sent, and fires lc-submitted', async () => {
    const bucket = newBucket('away');
    await setFaults(bucket.name, [{ stallMs: 800 }]);
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="2"></lc-self-rating>`,
    );
    const parent = el.parentElement!;
    const ids = submittedIds(el);
    const sent: Event[] = [];
    el.addEventListener('lc-submitted', (e) => sent.push(e));
    submitButton(el).click();
    await reach(el, 'sending');
    await waitFor(async () => (await collectorState(bucket.name)).requests.length === 1, 'the request out');
    el.remove();
    // The answer comes while the rating is out of the page (a tab panel hidden, a view re-rendered).
    const entry = async () => (await getOutbox('device').pending()).find((e) => e.id === ids[0]);
    await waitFor(async () => (await entry())?.delivered !== undefined, 'the delivery, kept for the element away');
    parent.append(el);
    await reach(el, 'sent');
    await waitFor(async () => !(await entry()), 'shown: the outbox lets it go');
    expect(statusText(el)).to.equal('Thank you. Your answer has been sent.');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
    expect(sent).to.have.length(1);
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  for (const [from, to] of [
    ['none', 'device'],
    ['device', 'none'],
  ] as const) {
    it(`its community's storage switched from ${from} to ${to} while the answer waits: shown as sent once it is`, async () => {
      const bucket = newBucket(`switch-${from}`);
      await setFaults(bucket.name, [{ status: 503, retryAfter: 1 }]);
      const host = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
        html`<lc-community endpoint=${bucket.endpoint} community="switch" storage=${from}
          ><lc-self-rating criterion="trust" value="3"></lc-self-rating
        ></lc-community>`,
      );
      const el = host.querySelector<LcSelfRating>('lc-self-rating')!;
      await el.updateComplete;
      const submitted = new Promise((resolve) => el.addEventListener('lc-submitted', resolve, { once: true }));
      submitButton(el).click();
      await reach(el, 'queued');
      // A consent banner turns device storage on (or a "shared computer" switch turns it off).
      host.setAttribute('storage', to);
      await host.updateComplete;
      await el.updateComplete;
      await reach(el, 'sent');
      await submitted;
      expect((await collectorState(bucket.name)).records).to.have.length(1);
    });
  }

  it('sent on its own, then moved into a form: a working form control again, reset to its default', async () => {
    const bucket = newBucket('into-form');
    const page = await mount<HTMLDivElement>(
      html`<div>
        <lc-self-rating name="trust" criterion="trust" endpoint=${bucket.endpoint} value="2"></lc-self-rating>
        <form></form>
      </div>`,
    );
    const el = page.querySelector<LcSelfRating>('lc-self-rating')!;
    submitButton(el).click();
    await reach(el, 'sent');
    const form = page.querySelector('form')!;
    form.append(el);
    await el.updateComplete;
    expect(part(el, 'scale')!.getAttribute('aria-readonly')).to.equal('false');
    radios(el)[4]!.click();
    await el.updateComplete;
    expect(el.value).to.equal('4');
    expect(new FormData(form).get('trust')).to.equal('4');
    form.reset();
    await el.updateComplete;
    expect(el.value, 'its default, the value attribute, as a native control').to.equal('2');
    radios(el)[1]!.click();
    expect(el.value, 'answerable after the reset').to.equal('1');
    // What it sent on its own arrived, once.
    expect((await collectorState(bucket.name)).records.map((r) => r['data'])).to.deep.equal([{ level: 2 }]);
  });

  it('asked another criterion while sending: the new question starts blank, never shown as sent', async () => {
    const bucket = newBucket('switch');
    await setFaults(bucket.name, [{ stallMs: 800 }]);
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="2"></lc-self-rating>`,
    );
    const ids = submittedIds(el);
    submitButton(el).click();
    await reach(el, 'sending');
    el.criterion = 'inclusion';
    await el.updateComplete;
    expect(el.submissionState).to.equal('idle');
    expect(el.value, 'the level was for the last question').to.equal('');
    expect(radios(el).every((r) => r.getAttribute('aria-checked') === 'false')).to.be.true;
    expect(submitButton(el).textContent!.trim()).to.equal('Send');
    // The first answer still arrives, for the criterion it was given for; the rating stays as it is.
    await waitFor(async () => !(await getOutbox('device').pending()).some((e) => e.id === ids[0]), 'the delivery');
    await el.updateComplete;
    expect(el.submissionState).to.equal('idle');
    expect((await collectorState(bucket.name)).records.map((r) => r['criterion'])).to.deep.equal(['trust']);

    // A host that sets a value with the new criterion keeps it.
    el.criterion = 'trust';
    el.value = '4';
    await el.updateComplete;
    expect(el.value).to.equal('4');
    // An answer not sent stays when the question changes: nothing chosen or typed is lost.
    el.criterion = 'inclusion';
    await el.updateComplete;
    expect(el.value).to.equal('4');
  });

  it('"change my answer" while it waits, then another criterion: the waiting answer is kept, nothing replaced', async () => {
    const { bucket, el, ids } = await sendOffline('change-switch', '1');
    submitButton(el).click(); // "Change my answer": the next send would take the waiting one back
    await reach(el, 'idle');
    el.criterion = 'inclusion';
    await el.updateComplete;
    radios(el)[3]!.click();
    submitButton(el).click();
    await reach(el, 'queued');
    await setOffline(false);
    await reach(el, 'sent');
    await waitFor(async () => (await collectorState(bucket.name)).records.length === 2, 'both answers');
    const { records } = await collectorState(bucket.name);
    const trust = records.find((r) => r.id === ids[0]);
    const inclusion = records.find((r) => r.id === ids[1])!;
    expect(trust?.['criterion'], 'the answer to the first question still arrives').to.equal('trust');
    expect(trust!['data']).to.deep.equal({ level: 1 });
    expect(inclusion['criterion']).to.equal('inclusion');
    expect(inclusion['replaces'], 'an answer to another question replaces nothing').to.equal(undefined);
  });

  it('"change my answer" while it waits, then moved to a community posting elsewhere: both answers arrive', async () => {
    const a = newBucket('move-a');
    const b = newBucket('move-b');
    const page = await fixture<HTMLElement>(
      html`<div>
        <lc-community id="a" endpoint=${a.endpoint} community="north"
          ><lc-self-rating criterion="trust" value="1"></lc-self-rating
        ></lc-community>
        <lc-community id="b" endpoint=${b.endpoint} community="north"></lc-community>
      </div>`,
    );
    const el = page.querySelector<LcSelfRating>('lc-self-rating')!;
    await el.updateComplete;
    const ids = submittedIds(el);
    await setOffline(true);
    submitButton(el).click();
    await reach(el, 'queued');
    submitButton(el).click(); // "Change my answer"
    await reach(el, 'idle');
    // A single-page app moves the widget into another part of the page, posting elsewhere.
    page.querySelector('#b')!.append(el);
    await el.updateComplete;
    radios(el)[3]!.click();
    submitButton(el).click();
    await reach(el, 'queued');
    await setOffline(false);
    await reach(el, 'sent');
    await waitFor(async () => (await collectorState(a.name)).records.length === 1, 'the first answer, where it went');
    expect((await collectorState(a.name)).records[0]!.id).to.equal(ids[0]);
    const moved = (await collectorState(b.name)).records;
    expect(moved.map((r) => r.id)).to.deep.equal([ids[1]]);
    expect(moved[0]!['replaces'], 'it replaces nothing sent elsewhere').to.equal(undefined);
  });

  it('"change my answer", then another perspective (a shared kiosk): a blank question, and it replaces nothing', async () => {
    const bucket = newBucket('change-perspective');
    const host = await fixture<HTMLElement>(
      html`<lc-community endpoint=${bucket.endpoint} community="kiosk-change" perspective="citizen"
        ><lc-self-rating criterion="trust" value="2"></lc-self-rating
      ></lc-community>`,
    );
    const el = host.querySelector<LcSelfRating>('lc-self-rating')!;
    await el.updateComplete;
    const ids = submittedIds(el);
    submitButton(el).click();
    await reach(el, 'sent');
    // The next person, a partner: the citizen's sent answer is not theirs to see or change.
    host.setAttribute('perspective', 'partner');
    await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await el.updateComplete;
    expect(el.submissionState).to.equal('idle');
    expect(el.value, "the citizen's answer").to.equal('');
    radios(el)[4]!.click();
    submitButton(el).click();
    await reach(el, 'sent');

    // Changed after sending, then the perspective changes back before the next send.
    submitButton(el).click(); // "Change my answer" (the partner's)
    await reach(el, 'idle');
    host.setAttribute('perspective', 'citizen');
    await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await el.updateComplete;
    radios(el)[1]!.click();
    submitButton(el).click();
    await reach(el, 'sent');

    const { records } = await collectorState(bucket.name);
    const byId = (id: string | undefined) => records.find((r) => r.id === id)!;
    expect(ids).to.have.length(3);
    expect([byId(ids[0])['perspective'], byId(ids[1])['perspective'], byId(ids[2])['perspective']]).to.deep.equal([
      'citizen',
      'partner',
      'citizen',
    ]);
    expect(byId(ids[1])['replaces'], "the partner's answer does not replace the citizen's").to.equal(undefined);
    expect(byId(ids[2])['replaces'], "nor the citizen's the partner's").to.equal(undefined);
  });

  it('retries after a 503, saying the server could not take it (not the connection), and is then sent once', async () => {
    const bucket = newBucket('retry');
    await setFaults(bucket.name, [{ status: 503, retryAfter: 2 }]);
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="0"></lc-self-rating>`,
    );
    const errors: LcSubmitErrorEvent[] = [];
    el.addEventListener('lc-submit-error', (e) => errors.push(e));
    submitButton(el).click();
    await reach(el, 'queued');
    expect(statusText(el)).to.equal(
      'Saved. The server could not take it just now; it will be sent again automatically.',
    );
    await expect(el).to.be.accessible();
    await reach(el, 'sent');
    expect(errors).to.have.length(1);
    expect(errors[0]!.retrying).to.be.true;
    expect(errors[0]!.status).to.equal(503);
    const { records, requests } = await collectorState(bucket.name);
    expect(requests).to.have.length(2);
    expect(records).to.have.length(1);
  });

  it("shows a rejection with the server's reason, keeps the input, and can try again", async () => {
    const bucket = newBucket('reject');
    await setFaults(bucket.name, [{ status: 422, message: 'this round is closed' }]);
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} comment></lc-self-rating>`,
    );
    radios(el)[2]!.click();
    el.commentText = 'Regular open meetings';
    await el.updateComplete;
    await captureConsoleErrors(async () => {
      submitButton(el).click();
      await reach(el, 'rejected');
    });
    // Nothing of a refused answer is kept on the device: it is on the page, and says so.
    expect(statusText(el)).to.equal(
      'Not accepted: this round is closed. Your answer is still here; you can change it and try again.',
    );
    expect(part(el, 'status')!.dataset['state']).to.equal('rejected');
    expect(el.value).to.equal('2');
    expect(el.shadowRoot!.querySelector('textarea')!.value).to.equal('Regular open meetings');
    expect(el.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-readonly')).to.equal('false');
    expect(submitButton(el).textContent!.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();

    // The person can still change the answer before trying again.
    radios(el)[3]!.click();
    expect(el.value).to.equal('3');
    submitButton(el).click();
    await reach(el, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    expect(records[0]!['data']).to.deep.equal({ level: 3, comment: 'Regular open meetings' });
    expect(records[0]!['replaces'], 'a refused answer was never counted: nothing to replace').to.equal(undefined);
  });

  it('a changed answer refused once still replaces the first when tried again: counted once', async () => {
    const { bucket, el, ids } = await sentThenChanged('refused-change', '4');
    radios(el)[1]!.click();
    await setFaults(bucket.name, [{ status: 400, message: 'temporarily refused' }]);
    await captureConsoleErrors(async () => {
      submitButton(el).click();
      await reach(el, 'rejected');
    });
    submitButton(el).click(); // "Try again"
    await reach(el, 'sent');

    expect(ids).to.have.length(3);
    const { records, requests } = await collectorState(bucket.name);
    expect(requests.map((r) => r.id)).to.deep.equal(ids);
    expect(records.map((r) => r.id)).to.deep.equal([ids[0], ids[2]]);
    expect(records[1]!['data']).to.deep.equal({ level: 1 });
    expect(records[1]!['replaces'], 'the refused one replaced nothing: the first is still the one').to.equal(ids[0]);
    expect(
      counted(records).map((r) => r.id),
      'the person counted once, with the new answer',
    ).to.deep.equal([ids[2]]);
  });

  it('"change my answer" twice, the second answer waiting: the person is counted once, with the last', async () => {
    const { bucket, el, ids } = await sentThenChanged('change-twice', '1');
    radios(el)[2]!.click();
    await setOffline(true);
    submitButton(el).click();
    await reach(el, 'queued');
    submitButton(el).click(); // "Change my answer" again, while the second waits
    await reach(el, 'idle');
    radios(el)[4]!.click();
    submitButton(el).click();
    await reach(el, 'queued');
    await setOffline(false);
    await reach(el, 'sent');
    await waitFor(async () => (await getOutbox('device').pending()).every((e) => !ids.includes(e.id)), 'the outbox');

    expect(ids).to.have.length(3);
    const { records } = await collectorState(bucket.name);
    // The second names the first, and arrives: the third, naming the second, leaves nothing counted twice.
    expect(
      counted(records).map((r) => r['data']),
      'the person counted once, with the last answer',
    ).to.deep.equal([{ level: 4 }]);
    expect(records.find((r) => r.id === ids[2])!['replaces']).to.equal(ids[1]);
  });

  it('refused after "change my answer" took back a waiting one: trying again names that one too', async () => {
    const bucket = newBucket('refused-taken-back');
    // The second answer's first attempt (once the connection is back) is refused.
    await setFaults(bucket.name, [{ status: 422, message: 'refused once' }]);
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="1"></lc-self-rating>`,
    );
    const ids = submittedIds(el);
    await setOffline(true);
    submitButton(el).click();
    await reach(el, 'queued');
    submitButton(el).click(); // "Change my answer": the first is taken back by the next send
    await reach(el, 'idle');
    radios(el)[3]!.click();
    submitButton(el).click();
    await reach(el, 'queued');
    await setOffline(false);
    await captureConsoleErrors(() => reach(el, 'rejected'));
    submitButton(el).click(); // "Try again"
    await reach(el, 'sent');

    expect(ids).to.have.length(3);
    const { records, requests } = await collectorState(bucket.name);
    expect(
      requests.map((r) => r.id),
      'the first never went out',
    ).to.deep.equal([ids[1], ids[2]]);
    expect(records.map((r) => r.id)).to.deep.equal([ids[2]]);
    expect(records[0]!['replaces'], 'as the refused one did, in case the first had gone out after all').to.equal(
      ids[0],
    );
  });

  it('a waiting answer refused after "change my answer": the next send replaces the one before it', async () => {
    const bucket = newBucket('refused-waiting');
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="4"></lc-self-rating>`,
    );
    const ids = submittedIds(el);
    submitButton(el).click();
    await reach(el, 'sent');
    submitButton(el).click(); // "Change my answer"
    await reach(el, 'idle');
    radios(el)[2]!.click();
    // The second answer waits (server busy), then is refused while the person changes it again.
    await setFaults(bucket.name, [
      { status: 503, retryAfter: 1 },
      { status: 400, message: 'refused' },
    ]);
    submitButton(el).click();
    await reach(el, 'queued');
    submitButton(el).click(); // "Change my answer" while it waits
    await reach(el, 'idle');
    await captureConsoleErrors(async () => {
      await waitFor(async () => (await collectorState(bucket.name)).requests.length === 3, 'the refusal');
    });
    await waitFor(async () => !(await getOutbox('device').pending()).some((e) => e.id === ids[1]), 'it is dropped');
    radios(el)[0]!.click();
    submitButton(el).click();
    await reach(el, 'sent');

    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r.id)).to.deep.equal([ids[0], ids[2]]);
    expect(records[1]!['replaces'], 'the refused one was never stored').to.equal(ids[0]);
    expect(counted(records).map((r) => r.id)).to.deep.equal([ids[2]]);
  });

  it('shows "sending" while the first attempt is under way', async () => {
    const bucket = newBucket('slow');
    await setFaults(bucket.name, [{ stallMs: 1500 }]);
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="2"></lc-self-rating>`,
    );
    submitButton(el).click();
    await el.updateComplete;
    expect(el.submissionState).to.equal('sending');
    expect(statusText(el)).to.equal('Sending…');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    submitButton(el).click();
    await reach(el, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records, 'a second click while sending sends nothing more').to.have.length(1);
  });

  it('refuses a non-http evidence link inline, keeps the text, and sends nothing', async () => {
    const bucket = newBucket('evidence');
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} evidence value="2"></lc-self-rating>`,
    );
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#evidence')!;
    input.focus();
    await sendKeys({ type: 'javascript:alert(1)' });
    submitButton(el).click();
    await el.updateComplete;
    const error = el.shadowRoot!.querySelector('#evidence-error')!;
    expect(error.textContent).to.contain('https://');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('evidence-error');
    expect(input.value).to.equal('javascript:alert(1)');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect(el.submissionState).to.equal('idle');
    await expect(el).to.be.accessible();
    const { requests } = await collectorState(bucket.name);
    expect(requests).to.have.length(0);
  });

  it('a comment set by script holding half an emoji: not sent, the field named, the text kept', async () => {
    // Text typed in a textarea is always whole; a host's string cut in two is not, and a collector
    // refuses the body that holds it as not JSON, naming nothing the person could mend.
    const bucket = newBucket('lone-surrogate');
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} comment value="2"></lc-self-rating>`,
    );
    el.commentText = 'half \ud83d emoji';
    await el.updateComplete;
    const errors = await captureConsoleErrors(async () => {
      submitButton(el).click();
      await reach(el, 'rejected');
    });
    expect(statusText(el)).to.contain('data.comment').and.contain('half a character');
    expect(errors.join('\n')).to.contain('data.comment: must not hold half a character');
    expect(el.commentText).to.equal('half \ud83d emoji');
    const { requests } = await collectorState(bucket.name);
    expect(requests).to.have.length(0);
  });

  it('asks for an answer instead of sending an empty one', async () => {
    const bucket = newBucket('empty');
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint}></lc-self-rating>`,
    );
    submitButton(el).click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#required-error')!.textContent).to.equal('Choose one of the options.');
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[0]);
    expect(el.submissionState).to.equal('idle');
    const { requests } = await collectorState(bucket.name);
    expect(requests).to.have.length(0);
  });

  it('says that nothing is kept on the device under storage="none", without blaming the browser', async () => {
    const bucket = newBucket('nostore');
    const community = await fixture(
      html`<lc-community endpoint=${bucket.endpoint} storage="none"
        ><lc-self-rating criterion="trust" value="1"></lc-self-rating
      ></lc-community>`,
    );
    const el = community.querySelector('lc-self-rating')!;
    await el.updateComplete;
    expect(part(el, 'notice')!.textContent).to.equal(
      'Nothing is kept on this device: keep the page open until you have sent.',
    );
  });

  it('shows "passed on" when a host takes the submission over', async () => {
    const bucket = newBucket('handled');
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="2"></lc-self-rating>`,
    );
    el.addEventListener('lc-submit', (e) => e.preventDefault());
    submitButton(el).click();
    await reach(el, 'handled');
    expect(statusText(el)).to.equal('Your answer has been passed on.');
    const { requests } = await collectorState(bucket.name);
    expect(requests).to.have.length(0);
  });

  it('offers no submit for an unknown criterion or a bad endpoint, and says why', async () => {
    const bucket = newBucket('unknown');
    let unknown!: LcSelfRating;
    let badEndpoint!: LcSelfRating;
    const errors = await captureConsoleErrors(async () => {
      unknown = await fixture<LcSelfRating>(
        html`<lc-self-rating criterion="nope" endpoint=${bucket.endpoint}></lc-self-rating>`,
      );
      badEndpoint = await fixture<LcSelfRating>(
        html`<lc-self-rating criterion="trust" endpoint="javascript:alert(1)"></lc-self-rating>`,
      );
    });
    expect(part(unknown, 'submit')).to.be.null;
    expect(part(badEndpoint, 'submit')).to.be.null;
    expect(part(badEndpoint, 'error')!.textContent).to.contain('endpoint');
    expect(errors.some((e) => e.includes('<lc-self-rating> endpoint'))).to.be.true;
  });

  it('says a standalone rating without a criterion cannot send, in place and once in the console', async () => {
    const bucket = newBucket('nocriterion');
    let el!: LcSelfRating;
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcSelfRating>(html`<lc-self-rating endpoint=${bucket.endpoint}></lc-self-rating>`);
      el.value = '2';
      await el.updateComplete;
    });
    expect(part(el, 'submit')).to.be.null;
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error')!.textContent).to.contain('criterion is missing');
    expect(errors.filter((e) => e.includes('<lc-self-rating> criterion is missing'))).to.have.length(1);
    // Said in English for the developer, like every configuration problem: in a Danish element,
    // marked as English inside the Danish sentence.
    el.locale = 'da';
    await el.updateComplete;
    expect(part(el, 'error')!.textContent!.trim()).to.match(/^Fejl i opsætningen: criterion is missing/);
    expect(part(el, 'error')!.querySelector('[lang="en"]')!.textContent).to.match(/^criterion is missing/);
  });

  it("with its community's criteria failing to load: says why, offers no Send, sends nothing", async () => {
    const bucket = newBucket('rating');
    let el!: LcSelfRating;
    const errors = await captureConsoleErrors(async () => {
      // An HTML page where a criteria set was expected.
      const wrapper = await fixture<HTMLElement>(
        html`<lc-community endpoint=${bucket.endpoint} criteria="/test/fixtures/chaos-frame.html"
          ><lc-self-rating criterion="trust"></lc-self-rating
        ></lc-community>`,
      );
      el = wrapper.querySelector('lc-self-rating')!;
      await waitFor(() => part(el, 'error'), "the rating's criteria error");
    });
    // Shown in place, announced once for the page by the community (not once per element).
    const community = el.closest('lc-community')!;
    expect(community.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('criteria');
    expect(part(el, 'error')!.hasAttribute('role')).to.be.false;
    expect(part(el, 'error')!.textContent).to.contain('The criteria could not be loaded');
    expect(errors.some((e) => e.includes('<lc-community> criteria'))).to.be.true;
    expect(submitButton(el), 'no Send: the answer would be counted under another set').to.equal(null);
    expect(await el.submit()).to.equal(undefined);
    expect((await collectorState(bucket.name)).requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('<lc-self-rating> that cannot send', () => {
  const scale = (el: LcSelfRating) => part(el, 'scale')!;
  const unavailable = (el: LcSelfRating) => el.shadowRoot!.querySelector<HTMLElement>('#unavailable');

  /** Its options shown disabled: none can be chosen, by click or key, and none is a tab stop. */
  async function expectScaleOff(el: LcSelfRating, value: string) {
    expect(scale(el).getAttribute('aria-disabled')).to.equal('true');
    expect(radios(el).map((r) => r.getAttribute('aria-disabled'))).to.deep.equal(Array(6).fill('true'));
    expect(
      radios(el).filter((r) => r.hasAttribute('tabindex')),
      'no tab stop',
    ).to.have.length(0);
    const changes: Event[] = [];
    el.addEventListener('change', (e) => changes.push(e));
    radios(el)[4]!.click();
    radios(el)[4]!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.value, 'nothing chosen').to.equal(value);
    expect(changes).to.have.length(0);
    // Says why, beside the options, and names it in their group's description.
    expect(unavailable(el)!.textContent!.trim()).to.equal(
      'Because of the problem above, this question cannot be answered here.',
    );
    expect(scale(el).getAttribute('aria-describedby')!.split(' ')).to.include('unavailable');
  }

  it('criteria that fail to load after the person answered: the options go off, what they gave stays', async () => {
    const bucket = newBucket('cannot-send');
    // The criteria come slowly, then not at all (a 503).
    await setFaults(bucket.name, [{ hold: true, status: 503 }]);
    const url = `/__lc/serve/${bucket.name}?file=test/fixtures/criteria-small.json`;
    let el!: LcSelfRating;
    await captureConsoleErrors(async () => {
      const wrapper = await mount<HTMLElement>(
        html`<lc-community endpoint=${bucket.endpoint} criteria=${url}
          ><lc-self-rating criterion="listening" comment></lc-self-rating
        ></lc-community>`,
      );
      el = wrapper.querySelector('lc-self-rating')!;
      await el.updateComplete;
      // While they load, the rating can be answered (it sends once they are in).
      expect(scale(el).getAttribute('aria-disabled')).to.equal('false');
      expect(unavailable(el)).to.equal(null);
      radios(el)[3]!.click();
      el.shadowRoot!.querySelector('textarea')!.focus();
      await sendKeys({ type: 'Asked at the library' });
      // Released once the server holds the request: on a busy machine it may not have gone out yet
      // (the criteria parser loads first), and a release before it would leave it held for good.
      await waitFor(async () => (await collectorState(bucket.name)).served > 0, 'the criteria request held');
      await release(bucket.name);
      await waitFor(() => part(el, 'error'), "the rating's criteria error");
      await el.updateComplete;
    });
    await expectScaleOff(el, '3');
    const comment = el.shadowRoot!.querySelector('textarea')!;
    expect(comment.readOnly, 'read-only, its text there to copy').to.be.true;
    expect(comment.disabled).to.be.false;
    expect(comment.value).to.equal('Asked at the library');
    expect(el.commentText).to.equal('Asked at the library');
    expect(submitButton(el)).to.equal(null);
    expect((await collectorState(bucket.name)).requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a criterion the set does not have: the options are off, in every language, and axe finds nothing', async () => {
    const bucket = newBucket('cannot-send');
    for (const [locale, text] of [
      ['da', 'På grund af problemet ovenfor kan spørgsmålet ikke besvares her.'],
      ['de', 'Wegen des Problems oben kann diese Frage hier nicht beantwortet werden.'],
      ['ar', 'بسبب المشكلة المذكورة أعلاه، لا يمكن الإجابة عن هذا السؤال هنا.'],
    ] as const) {
      let el!: LcSelfRating;
      await captureConsoleErrors(async () => {
        el = await fixture<LcSelfRating>(
          html`<lc-self-rating criterion="nope" endpoint=${bucket.endpoint} locale=${locale}></lc-self-rating>`,
        );
      });
      expect(unavailable(el)!.textContent!.trim(), locale).to.equal(text);
      expect(scale(el).getAttribute('aria-disabled'), locale).to.equal('true');
      await expect(el).to.be.accessible();
    }
    let el!: LcSelfRating;
    await captureConsoleErrors(async () => {
      const div = await mount<HTMLElement>(
        html`<div>
          <button>before</button><lc-self-rating criterion="nope" endpoint=${bucket.endpoint} value="1"></lc-self-rating
          ><button>after</button>
        </div>`,
      );
      el = div.querySelector('lc-self-rating')!;
    });
    expect(part(el, 'error')!.textContent).to.contain('nope');
    await expectScaleOff(el, '1');
    // The keyboard passes it by.
    (el.previousElementSibling as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.textContent).to.equal('after');
    await expect(el).to.be.accessible();
    // Fixed by the page (a criterion of the set): the options are on again, the answer kept.
    el.criterion = 'trust';
    await el.updateComplete;
    expect(scale(el).getAttribute('aria-disabled')).to.equal('false');
    expect(unavailable(el)).to.equal(null);
    expect(el.value).to.equal('1');
    expect(submitButton(el)).to.exist;
  });

  it('inside a form it stays a form control: chosen, and in the form data, whatever its criteria', async () => {
    const bucket = newBucket('cannot-send');
    let form!: HTMLFormElement;
    await captureConsoleErrors(async () => {
      form = await mount<HTMLFormElement>(
        html`<form>
          <lc-community endpoint=${bucket.endpoint} criteria="/test/fixtures/chaos-frame.html"
            ><lc-self-rating name="failed" criterion="trust"></lc-self-rating
          ></lc-community>
          <lc-self-rating name="unknown" criterion="nope" endpoint=${bucket.endpoint}></lc-self-rating>
        </form>`,
      );
      await waitFor(() => part(form.querySelector('lc-self-rating')!, 'error'), "the rating's criteria error");
    });
    for (const el of form.querySelectorAll('lc-self-rating')) {
      await el.updateComplete;
      expect(scale(el).getAttribute('aria-disabled'), el.name).to.equal('false');
      expect(unavailable(el), el.name).to.equal(null);
      radios(el)[2]!.click();
      expect(el.value, el.name).to.equal('2');
    }
    const data = new FormData(form);
    expect([data.get('failed'), data.get('unknown')]).to.deep.equal(['2', '2']);
  });
});
