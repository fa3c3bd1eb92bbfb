import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// Loaded up front: axe-using files may run while the browser is offline.
import 'axe-core/axe.min.js';
import { createStore, get } from 'idb-keyval';
import { ANSWERS_DB, ANSWERS_STORE, answersKey } from '../src/components/assessment/answers-store.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import type { AssessmentData } from '../src/core/envelope.js';
import type { LcSubmitEvent } from '../src/core/events.js';
import { getOutbox } from '../src/core/outbox.js';
import { SEEN_MS, type SubmissionState } from '../src/core/submission-controller.js';
import {
  collectorState,
  goOfflineFor,
  newBucket,
  setFaults,
  setOffline,
  waitFor,
  waitForOnline,
} from './support/helpers.js';
import {
  IDS,
  answer,
  clearHash,
  copyOnPage,
  focused,
  hashIs,
  mount,
  part,
  progressText,
  rating,
  settle,
  shadow,
  statusText,
  uniqueCommunity,
} from './support/assessment.js';

const kept = (community: string, respondent?: string) =>
  get(
    answersKey({ community, round: '2026-spring', criteriaSet: 'common-criteria', respondent }),
    createStore(ANSWERS_DB, ANSWERS_STORE),
  );
const sendButton = (el: LcAssessment) => part(el, 'submit') as HTMLButtonElement;
const sendCheck = (el: LcAssessment) => part(el, 'send-check')!;

async function reach(el: LcAssessment, state: SubmissionState) {
  await waitFor(
    () => el.submissionState === state,
    `the submission state "${state}" (still "${el.submissionState}", online: ${navigator.onLine})`,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; status: "${statusText(el)}"`);
  });
  await el.updateComplete;
}

async function answerAll(el: LcAssessment, values: Record<string, string> = {}) {
  for (const id of IDS) await answer(el, id, values[id] ?? String(IDS.indexOf(id) % 5));
}

async function openReview(el: LcAssessment) {
  el.goTo('review');
  await settle(el);
  expect(el.reviewing).to.be.true;
}

function submittedIds(el: Element): string[] {
  const ids: string[] = [];
  el.addEventListener('lc-submit', (e) => ids.push((e as LcSubmitEvent).envelope.id));
  return ids;
}

describe('<lc-assessment> review', () => {
  afterEach(clearHash);

  it('summarises every answer, don’t knows as such, unanswered ones marked, each with a link back', async () => {
    const el = await mount({ comment: true, evidence: true });
    await answer(el, 'initiatives', '2');
    await answer(el, 'trust', 'dont-know');
    const r = rating(el, 'trust');
    r.shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ type: 'No one <b>asked</b>' });
    await openReview(el);
    expect(location.hash).to.equal('#lc-review');
    const items = [...shadow(el).querySelectorAll<HTMLElement>('[part~="summary-item"]')];
    expect(items.map((i) => i.dataset['criterion'])).to.deep.equal(IDS);
    const item = (id: string) => items.find((i) => i.dataset['criterion'] === id)!;
    expect(item('initiatives').querySelector('.answer')!.textContent).to.equal('2: Practised regularly');
    expect(item('trust').querySelector('.answer')!.textContent).to.equal('Don’t know');
    expect(item('trust').querySelector('.comment')!.textContent, 'as text, never as HTML').to.equal(
      'No one <b>asked</b>',
    );
    expect(item('trust').querySelector('b')).to.equal(null);
    expect(item('inclusion').dataset['answered']).to.equal('false');
    expect(item('inclusion').querySelector('.answer')!.textContent).to.equal('Not answered');

    // Each link names its criterion: "Change Taking initiatives", "Answer Inclusion in practice"…
    const change = item('initiatives').querySelector<HTMLAnchorElement>('[part~="change-link"]')!;
    expect(change.getAttribute('href')).to.equal('#lc-step-initiatives');
    expect(change.getAttribute('aria-labelledby')).to.equal('rv-change-initiatives rv-title-initiatives');
    expect(change.textContent!.trim()).to.equal('Change');
    expect(item('inclusion').querySelector('[part~="change-link"]')!.textContent!.trim()).to.equal('Answer');

    change.focus();
    await sendKeys({ press: 'Enter' });
    await hashIs('#lc-step-initiatives');
    await waitFor(() => focused(el)?.id === 'h-initiatives', 'focus on the criterion');
    expect(el.reviewing).to.be.false;
  });
});

describe('<lc-assessment> sending', () => {
  afterEach(async () => {
    await setOffline(false);
    clearHash();
  });

  it('sends one assessment envelope with every answer, shows it was sent and clears the kept answers', async () => {
    const bucket = newBucket('assessment');
    const community = uniqueCommunity();
    const el = await mount({ community, endpoint: bucket.endpoint, evidence: true });
    const ids = submittedIds(el);
    await answerAll(el, { trust: 'dont-know' });
    const r = rating(el, 'inclusion');
    r.shadowRoot!.querySelector<HTMLInputElement>('#evidence')!.focus();
    await sendKeys({ type: 'https://example.org/inclusion' });
    await waitFor(async () => !!(await kept(community)), 'the answers to be kept');
    await openReview(el);
    const status = part(el, 'status')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(sendCheck(el).hidden, 'nothing stops sending').to.be.true;
    expect(sendButton(el).textContent!.trim()).to.equal('Send my answers');

    const delivered = new Promise((resolve) => el.addEventListener('lc-submitted', resolve, { once: true }));
    sendButton(el).click();
    await reach(el, 'sent');
    await delivered;
    expect(part(el, 'status')).to.equal(status, 'the same live region');
    expect(statusText(el)).to.equal('Thank you. Your answers have been sent.');
    expect(sendButton(el).textContent!.trim()).to.equal('Change my answers');
    expect(shadow(el).querySelector('[part~="change-link"]'), 'read-only once sent').to.equal(null);
    expect(part(el, 'steps'), 'no navigation away from what was sent').to.equal(null);

    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    expect(records[0]!.id).to.equal(ids[0]);
    expect(ids).to.have.length(1);
    const envelope = records[0] as unknown as Record<string, unknown> & {
      data: { answers: Array<Record<string, unknown>> };
    };
    expect(envelope['kind']).to.equal('assessment');
    expect(envelope['community']).to.equal(community);
    expect(envelope['round']).to.equal('2026-spring');
    expect(envelope['criterion']).to.equal(undefined);
    expect(envelope.data.answers.map((a) => a['criterion'])).to.deep.equal(IDS);
    expect(envelope.data.answers.find((a) => a['criterion'] === 'trust')).to.deep.equal({
      criterion: 'trust',
      level: null,
    });
    expect(envelope.data.answers.find((a) => a['criterion'] === 'inclusion')).to.deep.equal({
      criterion: 'inclusion',
      level: IDS.indexOf('inclusion') % 5,
      evidence: 'https://example.org/inclusion',
    });
    await waitFor(async () => (await kept(community)) === undefined, 'the kept answers to be cleared');

    // "Change my answers" makes the answers editable again; sent again, they replace the first.
    sendButton(el).click();
    await reach(el, 'idle');
    expect(shadow(el).querySelector('[part~="change-link"]')).to.exist;
    sendButton(el).click();
    await reach(el, 'sent');
    const again = (await collectorState(bucket.name)).records;
    expect(again).to.have.length(2);
    expect(again.find((r) => r.id === ids[1])!['replaces']).to.equal(ids[0]);
  });

  it('taken over by the host (lc-submit, preventDefault): the kept answers go, as on a delivery; a reload is a fresh form', async () => {
    const community = uniqueCommunity();
    const el = await mount({ community, allowPartial: true });
    await answer(el, 'trust', '3');
    await waitFor(async () => !!(await kept(community)), 'the answers to be kept');
    await openReview(el);
    el.addEventListener('lc-submit', (e) => e.preventDefault(), { once: true });
    sendButton(el).click();
    await reach(el, 'handled');
    await waitFor(async () => (await kept(community)) === undefined, 'the kept answers to be cleared');
    // Nothing writes them back meanwhile (the step it moved to, a later update).
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    expect(await kept(community), 'not written back').to.equal(undefined);

    // The page again: not offered as unsent answers, which would be handed over a second time.
    el.closest('lc-community')!.remove();
    const again = await mount({ community, allowPartial: true });
    await settle(again);
    expect(progressText(again)).to.equal('0 of 12 answered');
  });

  it('sends where the browser denies Web Locks (a sandboxed or third-party frame): sent once, as anywhere', async () => {
    const bucket = newBucket('assessment-no-locks');
    const el = await mount({ community: uniqueCommunity(), endpoint: bucket.endpoint, allowPartial: true });
    const ids = submittedIds(el);
    await answer(el, 'trust', '2');
    await openReview(el);
    // What Chromium does there: every request for a lock is refused at once.
    const locks = Object.getOwnPropertyDescriptor(Navigator.prototype, 'locks')!;
    Object.defineProperty(Navigator.prototype, 'locks', {
      configurable: true,
      get: () => ({
        request: () =>
          Promise.reject(new DOMException('Access to the Locks API is denied in this context.', 'SecurityError')),
      }),
    });
    try {
      sendButton(el).click();
      await reach(el, 'sent');
    } finally {
      Object.defineProperty(Navigator.prototype, 'locks', locks);
    }
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r.id)).to.deep.equal(ids);
  });

  it('"Send my answers" double-clicked: the second click, on "Change my answers", does not take them back', async () => {
    const bucket = newBucket('assessment');
    const el = await mount({ community: uniqueCommunity(), endpoint: bucket.endpoint });
    await answerAll(el, {});
    await openReview(el);
    sendButton(el).click();
    await reach(el, 'sent');
    expect(sendButton(el).dataset['action']).to.equal('change');
    sendButton(el).dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 2 }));
    await settle(el);
    expect(el.submissionState, 'still sent').to.equal('sent');
    expect(sendButton(el).textContent!.trim()).to.equal('Change my answers');
    sendButton(el).dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
    await reach(el, 'idle');
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  /** Long enough for a person to have seen "Change my answers" where "Send" was, and meant it. */
  const seen = () => new Promise((r) => setTimeout(r, SEEN_MS + 100));

  /** Every question answered, the review open and its "Send my answers" focused, as a keyboard user reaches it. */
  async function focusedSend() {
    const bucket = newBucket('assessment-keys');
    const el = await mount({ community: uniqueCommunity(), endpoint: bucket.endpoint });
    await answerAll(el, {});
    await openReview(el);
    sendButton(el).focus();
    return { bucket, el };
  }

  for (const key of ['Enter', 'Space']) {
    it(`"Send my answers": ${key} pressed twice, the answers acknowledged in between, stay sent`, async () => {
      const { bucket, el } = await focusedSend();
      await sendKeys({ press: key });
      await reach(el, 'sent');
      expect(sendButton(el).textContent!.trim()).to.equal('Change my answers');
      await sendKeys({ press: key });
      await settle(el);
      expect(el.submissionState, 'still sent').to.equal('sent');
      expect(statusText(el)).to.equal('Thank you. Your answers have been sent.');
      // Pressed once the person has seen what the button says now: back to editing.
      await seen();
      await sendKeys({ press: key });
      await reach(el, 'idle');
      expect(el.progress.answered, 'the answers stay, to be changed').to.equal(IDS.length);
      expect((await collectorState(bucket.name)).records).to.have.length(1);
    });
  }

  it('"Send my answers" with Enter held down: its auto-repeat never takes them back', async () => {
    const { bucket, el } = await focusedSend();
    await sendKeys({ down: 'Enter' });
    await reach(el, 'sent');
    await seen();
    await sendKeys({ down: 'Enter' }); // still held: a repeat
    await settle(el);
    expect(el.submissionState, 'still sent').to.equal('sent');
    await sendKeys({ up: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await reach(el, 'idle');
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  it('without allow-partial, blocks sending while criteria are unanswered and links to the first', async () => {
    const bucket = newBucket('assessment');
    const el = await mount({ endpoint: bucket.endpoint });
    await answer(el, 'initiatives', '3');
    await answer(el, 'emerging-needs', '1');
    await openReview(el);
    expect(sendCheck(el).hidden).to.be.false;
    expect(sendCheck(el).dataset['error']).to.equal('false');
    expect(sendCheck(el).textContent).to.contain('10 questions are not answered yet.');

    sendButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused(el) === sendCheck(el), 'focus on the message');
    expect(sendCheck(el).dataset['error']).to.equal('true');
    expect(el.submissionState).to.equal('idle');
    const link = sendCheck(el).querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#lc-step-cross-sector-collaboration');
    expect(link.textContent!.trim()).to.equal('Go to “Collaboration across sectors”');
    link.click();
    await waitFor(() => focused(el)?.id === 'h-cross-sector-collaboration', 'focus on the first unanswered');
    expect((await collectorState(bucket.name)).requests, 'nothing was sent').to.have.length(0);
  });

  it('with allow-partial, sends only the answered criteria', async () => {
    const bucket = newBucket('assessment');
    const el = await mount({ endpoint: bucket.endpoint, allowPartial: true });
    await openReview(el);
    sendButton(el).click();
    await el.updateComplete;
    expect(sendCheck(el).textContent).to.contain('Answer at least one question before sending.');
    expect(el.submissionState).to.equal('idle');

    el.goTo('trust');
    await answer(el, 'trust', '4');
    await answer(el, 'inclusion', 'dont-know');
    await openReview(el);
    expect(sendCheck(el).textContent).to.contain('10 questions are not answered; your other answers will be sent');
    sendButton(el).click();
    await reach(el, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    expect((records[0] as unknown as { data: unknown }).data).to.deep.equal({
      answers: [
        { criterion: 'trust', level: 4 },
        { criterion: 'inclusion', level: null },
      ],
    });
  });

  it('with allow-partial, blocks a comment on a criterion without a level, naming it; sends once it has one', async () => {
    const bucket = newBucket('assessment');
    const community = uniqueCommunity();
    const el = await mount({ community, endpoint: bucket.endpoint, allowPartial: true, comment: true });
    await answer(el, 'initiatives', '2');
    const r = rating(el, 'trust');
    r.shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ type: 'No one asks us' });
    await openReview(el);
    sendButton(el).click();
    await waitFor(() => focused(el) === sendCheck(el), 'focus on the message');
    expect(sendCheck(el).textContent).to.contain('What you wrote for “Trust” is sent only with a level');
    expect(sendCheck(el).dataset['error']).to.equal('true');
    expect(el.submissionState).to.equal('idle');
    expect((await collectorState(bucket.name)).requests, 'nothing sent').to.have.length(0);
    // Its link leads to the question; with a level chosen there, the comment goes with it.
    sendCheck(el).querySelector('a')!.click();
    await settle(el);
    await answer(el, 'trust', 'dont-know');
    await openReview(el);
    expect(sendCheck(el).textContent).to.not.contain('What you wrote');
    sendButton(el).click();
    await reach(el, 'sent');
    const { records } = await collectorState(bucket.name);
    expect((records[0] as unknown as { data: unknown }).data).to.deep.equal({
      answers: [
        { criterion: 'initiatives', level: 2 },
        { criterion: 'trust', level: null, comment: 'No one asks us' },
      ],
    });
  });

  it('"Change my answers", then a reload: the answers come back, and sending them replaces the first', async () => {
    const bucket = newBucket('assessment');
    const community = uniqueCommunity();
    const first = await mount({ community, endpoint: bucket.endpoint });
    const ids = submittedIds(first);
    await answerAll(first);
    await openReview(first);
    sendButton(first).click();
    await reach(first, 'sent');
    await waitFor(async () => (await kept(community)) === undefined, 'the kept answers to be cleared');
    sendButton(first).click();
    await reach(first, 'idle');
    // Kept again, with what they were sent as, though nothing is changed yet.
    await waitFor(
      async () => ((await kept(community)) as { replaces?: string } | undefined)?.replaces === ids[0],
      'the taken-back answers kept with the submission they replace',
    );
    await answer(first, 'trust', '4');
    await waitFor(
      async () =>
        ((await kept(community)) as { answers: Record<string, { value: string }> } | undefined)?.answers['trust']
          ?.value === '4',
      'the change to be kept',
    );
    first.closest('lc-community')!.remove();

    // The next day.
    const el = await mount({ community, endpoint: bucket.endpoint });
    const again = submittedIds(el);
    expect(el.answers['trust']?.value).to.equal('4');
    expect(el.answers['initiatives']?.value).to.equal(String(IDS.indexOf('initiatives') % 5));
    expect(part(el, 'announcement')!.textContent!.trim()).to.equal(
      'Welcome back: you were changing the answers you sent. Sending them again replaces what you sent before.',
    );
    await openReview(el);
    sendButton(el).click();
    await reach(el, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(2);
    expect(records.find((r) => r.id === again[0])!['replaces'], 'counted once, as the new answers').to.equal(ids[0]);
  });

  it('"welcome back, your answers have been restored" goes once they are sent', async () => {
    const bucket = newBucket('assessment');
    const community = uniqueCommunity();
    const first = await mount({ community, endpoint: bucket.endpoint, allowPartial: true });
    await answer(first, 'trust', '2');
    await waitFor(async () => !!(await kept(community)), 'the answer to be kept');
    first.closest('lc-community')!.remove();
    const el = await mount({ community, endpoint: bucket.endpoint, allowPartial: true });
    expect(part(el, 'announcement')!.textContent!.trim()).to.contain('Welcome back');
    await openReview(el);
    sendButton(el).click();
    await reach(el, 'sent');
    expect(part(el, 'announcement')!.textContent!.trim()).to.equal('');
  });

  it('a reload restoring answers and a comment alone counts the answers as the progress does', async () => {
    const community = uniqueCommunity();
    const first = await mount({ community, allowPartial: true, comment: true });
    await answer(first, 'initiatives', '2');
    await answer(first, 'inclusion', '3');
    rating(first, 'trust').shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ type: 'A comment, no level' });
    await waitFor(
      async () => !!((await kept(community)) as { answers: Record<string, unknown> } | undefined)?.answers['trust'],
      'the comment to be kept',
    );
    first.closest('lc-community')!.remove();
    const el = await mount({ community, allowPartial: true, comment: true });
    expect(el.answers['trust']?.comment).to.equal('A comment, no level');
    expect(part(el, 'announcement')!.textContent!.trim()).to.equal(
      'Welcome back: your 2 earlier answers have been restored. Carry on, or start again.',
    );
  });

  it('blocks a bad evidence link, naming the criterion', async () => {
    const bucket = newBucket('assessment');
    const el = await mount({ endpoint: bucket.endpoint, allowPartial: true, evidence: true });
    await answer(el, 'trust', '2');
    const r = rating(el, 'trust');
    r.shadowRoot!.querySelector<HTMLInputElement>('#evidence')!.focus();
    await sendKeys({ type: 'javascript:alert(1)' });
    await openReview(el);
    sendButton(el).click();
    await waitFor(() => focused(el) === sendCheck(el), 'focus on the message');
    expect(sendCheck(el).textContent).to.contain('The evidence link for “Trust”');
    expect((await collectorState(bucket.name)).requests).to.have.length(0);
    // Its "Go to" link leads to the field to mend, not to the question's heading.
    const evidence = r.shadowRoot!.querySelector<HTMLInputElement>('#evidence')!;
    sendCheck(el).querySelector('a')!.click();
    await waitFor(() => r.shadowRoot!.activeElement === evidence, 'the focus on the evidence field');
    expect(evidence.value).to.equal('javascript:alert(1)');
    expect(evidence.getAttribute('aria-invalid')).to.equal('true');
  });

  it('offline, queues the assessment and delivers it once when back online', async () => {
    const bucket = newBucket('assessment');
    const el = await mount({ endpoint: bucket.endpoint });
    const ids = submittedIds(el);
    await answerAll(el);
    await openReview(el);
    await setOffline(true);
    sendButton(el).click();
    await reach(el, 'queued');
    expect(statusText(el)).to.equal('Saved. Your answers will be sent when the connection is back.');
    await setOffline(false);
    await reach(el, 'sent');
    const { records, requests } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    expect(records[0]!.id).to.equal(ids[0]);
    expect(ids, 'one submission').to.have.length(1);
    expect(new Set(requests.map((r) => r.id)).size).to.equal(1);
  });

  it('queued and reloaded: shows the waiting submission (not unsent answers) and delivers it once', async () => {
    const bucket = newBucket('assessment');
    const community = uniqueCommunity();
    const first = await mount({ community, endpoint: bucket.endpoint });
    const ids = submittedIds(first);
    await answerAll(first);
    await openReview(first);
    await setOffline(true);
    sendButton(first).click();
    await reach(first, 'queued');
    await waitFor(
      async () => ((await kept(community)) as { pending?: string } | undefined)?.pending === ids[0],
      'the waiting submission to be noted with the answers',
    );
    first.closest('lc-community')!.remove();

    // "Reload" while still offline.
    const el = await mount({ community, endpoint: bucket.endpoint });
    const again = submittedIds(el);
    await reach(el, 'queued');
    expect(el.reviewing).to.be.true;
    expect(part(el, 'announcement')!.textContent!.trim()).to.equal(
      'Welcome back: the answers you sent are waiting for the connection and will be sent as soon as it is back.',
    );
    expect(statusText(el)).to.equal('Saved. Your answers will be sent when the connection is back.');
    expect(shadow(el).querySelector('[part~="change-link"]'), 'read-only while waiting').to.equal(null);

    await setOffline(false);
    await reach(el, 'sent');
    expect(part(el, 'announcement')!.textContent!.trim(), '"waiting" is no longer true').to.equal('');
    expect(statusText(el)).to.equal('Thank you. Your answers have been sent.');
    expect(again, 'not sent a second time').to.have.length(0);
    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    expect(records[0]!.id).to.equal(ids[0]);
    await waitFor(async () => (await kept(community)) === undefined, 'the kept answers to be cleared');

    // Another reload finds nothing to resume.
    el.closest('lc-community')!.remove();
    const fresh = await mount({ community, endpoint: bucket.endpoint });
    expect(fresh.submissionState).to.equal('idle');
    expect(fresh.answers).to.deep.equal({});
  });

  it('queued by a busy server and reloaded: still says the server could not take it, not the connection', async () => {
    const bucket = newBucket('assessment');
    await setFaults(bucket.name, [{ status: 503, retryAfter: 600, message: 'busy' }]);
    const community = uniqueCommunity();
    const first = await mount({ community, endpoint: bucket.endpoint });
    const ids = submittedIds(first);
    await answerAll(first);
    await openReview(first);
    sendButton(first).click();
    await reach(first, 'queued');
    const busy = statusText(first);
    expect(busy).to.match(/^Saved\. The server could not take your answers just now/);
    await waitFor(
      async () => ((await kept(community)) as { pending?: string } | undefined)?.pending === ids[0],
      'the waiting submission to be noted with the answers',
    );
    first.closest('lc-community')!.remove();

    // "Reload": the next try is not due for 10 minutes; the page is online.
    const el = await mount({ community, endpoint: bucket.endpoint });
    await reach(el, 'queued');
    expect(statusText(el)).to.equal(busy);
    // The welcome back says the same as the status: not that the answers wait for the connection.
    await waitFor(() => part(el, 'announcement')!.textContent!.trim() !== '', 'the welcome back');
    expect(part(el, 'announcement')!.textContent!.trim()).to.equal(
      'Welcome back: the server could not take the answers you sent just now; they will be sent again automatically.',
    );
    expect((await collectorState(bucket.name)).requests).to.have.length(1);
  });

  it('reloaded offline, then refused by a busy server: the welcome back about the connection goes, the status says why', async function () {
    // Ten seconds offline (see below), and the rest of the journey beside them on a loaded machine.
    this.timeout(60_000);
    const bucket = newBucket('assessment');
    // Busy when the connection is back (nothing reaches it before).
    await setFaults(bucket.name, [{ status: 503, retryAfter: 600, message: 'busy' }]);
    const community = uniqueCommunity();
    const first = await mount({ community, endpoint: bucket.endpoint });
    const ids = submittedIds(first);
    await answerAll(first);
    await openReview(first);
    // Offline long enough for the steps up to the reload on a busy machine: back online earlier,
    // the first page would meet the busy server itself, and there would be no welcome back to end.
    await goOfflineFor(10_000);
    sendButton(first).click();
    await reach(first, 'queued');
    await waitFor(
      async () => ((await kept(community)) as { pending?: string } | undefined)?.pending === ids[0],
      'the waiting submission to be noted with the answers',
    );
    first.closest('lc-community')!.remove();

    const el = await mount({ community, endpoint: bucket.endpoint });
    await reach(el, 'queued');
    const announcement = () => part(el, 'announcement')!.textContent!.trim();
    await waitFor(() => announcement() !== '', 'the welcome back');
    expect(announcement()).to.equal(
      'Welcome back: the answers you sent are waiting for the connection and will be sent as soon as it is back.',
    );
    await waitForOnline();
    await waitFor(() => statusText(el).startsWith('Saved. The server could not take'), 'the busy server said');
    await el.updateComplete;
    expect(el.submissionState).to.equal('queued');
    expect(announcement(), 'no longer "waiting for the connection"').to.equal('');
  });

  it('storage="none", made again on the page while its answers wait (a CMS preview, a framework): shown on their way, sent once', async () => {
    // Nothing on the device: the answers and the outbox live in the page's memory, which a new
    // element of the same page reads as a reload reads the device.
    const bucket = newBucket('assessment');
    await setFaults(bucket.name, [{ status: 503, retryAfter: 600, message: 'busy' }]);
    const community = uniqueCommunity();
    const first = await mount({ community, endpoint: bucket.endpoint, storage: 'none' });
    const ids = submittedIds(first);
    await answerAll(first);
    await openReview(first);
    sendButton(first).click();
    await reach(first, 'queued');
    first.closest('lc-community')!.remove();

    const el = await mount({ community, endpoint: bucket.endpoint, storage: 'none' });
    const again = submittedIds(el);
    await reach(el, 'queued');
    expect(sendButton(el).dataset['action'], 'not "Send my answers" again').to.equal('change');
    // Tried again now (as when the browser comes back online): the one submission arrives.
    await setFaults(bucket.name, []);
    window.dispatchEvent(new Event('online'));
    await reach(el, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => (r as { id: string }).id)).to.deep.equal([ids[0]]);
    expect(again, 'nothing sent a second time').to.deep.equal([]);
  });

  it('two copies on one page: one sends, the other shows it on its way and sent, and the page hears it once', async () => {
    const bucket = newBucket('assessment');
    // Slow enough for the copy to show it on its way.
    await setFaults(bucket.name, [{ stallMs: 500 }]);
    const community = uniqueCommunity();
    const a = await mount({ community, endpoint: bucket.endpoint });
    const b = await copyOnPage(a);
    await answerAll(a);
    await waitFor(() => IDS.every((id) => b.answers[id]?.value === a.answers[id]?.value), "A's answers in B");
    const heard: string[] = [];
    const hear = (e: Event) => heard.push(`${e.type} from ${e.target === a ? 'A' : e.target === b ? 'B' : '?'}`);
    const types = ['lc-submitted', 'lc-submit-error'];
    for (const type of types) document.addEventListener(type, hear);
    try {
      await openReview(a);
      sendButton(a).click();
      await reach(b, 'sending');
      // B shows it, and does not say it: A's status does.
      expect(part(b, 'status')!.getAttribute('aria-live')).to.equal('off');
      expect(part(a, 'status')!.hasAttribute('aria-live')).to.equal(false);
      await reach(a, 'sent');
      await reach(b, 'sent');
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      for (const type of types) document.removeEventListener(type, hear);
    }
    expect(heard).to.deep.equal(['lc-submitted from A']);
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  it("reloaded for the next respondent: a fresh form, and the last one's waiting answers are still delivered", async () => {
    const bucket = newBucket('assessment');
    // The server is busy: alice's assessment waits, its next try not due for ten minutes.
    await setFaults(bucket.name, [{ status: 503, retryAfter: 600 }]);
    const community = uniqueCommunity();
    const first = await mount({ community, endpoint: bucket.endpoint, perspective: 'citizen', respondent: 'alice' });
    const aliceIds = submittedIds(first);
    await answerAll(first);
    await openReview(first);
    sendButton(first).click();
    await reach(first, 'queued');
    const key = answersKey({
      community,
      round: '2026-spring',
      criteriaSet: 'common-criteria',
      perspective: 'citizen',
      respondent: 'alice',
    });
    await waitFor(
      async () =>
        ((await get(key, createStore(ANSWERS_DB, ANSWERS_STORE))) as { pending?: string } | undefined)?.pending ===
        aliceIds[0],
      'the waiting submission to be noted with the answers',
    );
    first.closest('lc-community')!.remove();

    // The kiosk reloads for bob, same perspective: not "Welcome back", not alice's answers.
    const el = await mount({ community, endpoint: bucket.endpoint, perspective: 'citizen', respondent: 'bob' });
    await new Promise((r) => setTimeout(r, 100));
    expect(el.submissionState).to.equal('idle');
    expect(el.answers).to.deep.equal({});
    expect(part(el, 'announcement')!.textContent!.trim()).to.equal('');
    const bobIds = submittedIds(el);
    await answerAll(el, Object.fromEntries(IDS.map((id) => [id, '4'])));
    await openReview(el);
    sendButton(el).click();
    await reach(el, 'sent');
    expect(
      (await getOutbox('device').pending()).some((e) => e.id === aliceIds[0]),
      "alice's assessment still waits",
    ).to.be.true;

    // Its next try (the browser back online): alice's arrives too, as she sent it.
    window.dispatchEvent(new Event('online'));
    await waitFor(async () => (await collectorState(bucket.name)).records.length === 2, "alice's assessment");
    const { records } = await collectorState(bucket.name);
    const byId = (id: string | undefined) => records.find((r) => r.id === id)!;
    expect(byId(aliceIds[0])['respondent']).to.equal('alice');
    expect(byId(bobIds[0])['respondent']).to.equal('bob');
    expect(byId(bobIds[0])['replaces'], "bob's answers do not replace alice's").to.equal(undefined);
    expect((byId(bobIds[0])['data'] as AssessmentData).answers.every((a) => a.level === 4)).to.be.true;
  });

  it("sending never takes back another respondent's waiting answers noted with the kept ones", async () => {
    const bucket = newBucket('assessment');
    await setFaults(bucket.name, [{ status: 503, retryAfter: 600 }]);
    const community = uniqueCommunity();
    // Two pages of one device side by side (a kiosk's second screen): alice's and bob's.
    const first = await mount({ community, endpoint: bucket.endpoint, respondent: 'alice' });
    const aliceIds = submittedIds(first);
    await answerAll(first);
    await openReview(first);
    const el = await mount({ community, endpoint: bucket.endpoint, respondent: 'bob' });
    const bobIds = submittedIds(el);
    await answerAll(el, Object.fromEntries(IDS.map((id) => [id, '4'])));
    await openReview(el);
    // Alice sends first: her waiting submission is noted with her kept answers (bob's send reads his own).
    sendButton(first).click();
    await reach(first, 'queued');
    await waitFor(
      async () => ((await kept(community, 'alice')) as { pending?: string } | undefined)?.pending === aliceIds[0],
      'the waiting submission to be noted with the answers',
    );
    first.closest('lc-community')!.remove();
    sendButton(el).click();
    await reach(el, 'sent');
    expect(
      (await getOutbox('device').pending()).some((e) => e.id === aliceIds[0]),
      "alice's assessment still waits",
    ).to.be.true;
    window.dispatchEvent(new Event('online'));
    await waitFor(async () => (await collectorState(bucket.name)).records.length === 2, "alice's assessment");
    const { records } = await collectorState(bucket.name);
    expect(records.find((r) => r.id === bobIds[0])!['replaces']).to.equal(undefined);
  });

  it('reloaded while sending, delivered before the new page took it up: shown sent, with the answers', async () => {
    const bucket = newBucket('assessment');
    const community = uniqueCommunity();
    const first = await mount({ community, endpoint: bucket.endpoint });
    const ids = submittedIds(first);
    await answerAll(first);
    await openReview(first);
    // The collector stores it but holds its answer back: the page goes while "Sending…" is shown.
    await setFaults(bucket.name, [{ stallMs: 1500 }]);
    sendButton(first).click();
    await reach(first, 'sending');
    await waitFor(
      async () => ((await kept(community)) as { pending?: string } | undefined)?.pending === ids[0],
      'the submission on its way to be noted with the answers',
    );
    first.closest('lc-community')!.remove();
    // The page's outbox delivers it before the next assessment looks (after a real reload, its
    // first flush re-posts it as the page loads, and the collector answers the repeat at once).
    await waitFor(() => getOutbox('device').settledEvent(ids[0]!)?.type === 'delivered', 'the delivery');

    const el = await mount({ community, endpoint: bucket.endpoint });
    const again = submittedIds(el);
    await reach(el, 'sent');
    await settle(el);
    expect(el.progress.answered, 'the answers it holds').to.equal(12);
    expect(rating(el, IDS[1]!).value).to.equal('1');
    expect(el.reviewing).to.be.true;
    expect(statusText(el)).to.equal('Thank you. Your answers have been sent.');
    expect(sendButton(el).textContent!.trim()).to.equal('Change my answers');
    expect(part(el, 'announcement')!.textContent!.trim(), 'not "waiting for the connection"').to.equal('');
    expect(again, 'not sent a second time').to.have.length(0);
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r.id)).to.deep.equal([ids[0]]);
    await waitFor(async () => (await kept(community)) === undefined, 'the kept answers to be cleared');
  });

  it('shows a rejection with the server’s reason, keeps the answers and can try again', async () => {
    const bucket = newBucket('assessment');
    const community = uniqueCommunity();
    const el = await mount({ community, endpoint: bucket.endpoint });
    await answerAll(el);
    await openReview(el);
    await setFaults(bucket.name, [{ status: 422, message: 'the round is closed', contentLanguage: 'en-GB' }]);
    sendButton(el).click();
    await reach(el, 'rejected');
    expect(statusText(el)).to.equal(
      'Not accepted: the round is closed. Your answers are kept; you can change them and try again.',
    );
    // The reason in the language the endpoint named (Content-Language).
    const reason = part(el, 'status')!.querySelector('[lang]');
    expect([reason?.getAttribute('lang'), reason?.textContent]).to.deep.equal(['en-GB', 'the round is closed']);
    expect(sendButton(el).textContent!.trim()).to.equal('Try again');
    expect(el.progress.answered).to.equal(12);
    expect((await kept(community)) as unknown, 'still kept on the device').to.not.equal(undefined);
    expect(shadow(el).querySelector('[part~="change-link"]'), 'answers can be changed').to.exist;

    sendButton(el).click();
    await reach(el, 'sent');
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });
});
