import { expect } from '@open-wc/testing';
// Loaded up front: axe-using files may run while the browser is offline.
import 'axe-core/axe.min.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import { ANSWERS_CHANNEL } from '../src/components/assessment/lc-assessment.js';
import { answersKey } from '../src/components/assessment/answers-store.js';
import { createEnvelope, type Envelope } from '../src/core/envelope.js';
import type { LcSubmitEvent } from '../src/core/events.js';
import { getOutbox } from '../src/core/outbox.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import type { SubmissionState } from '../src/core/submission-controller.js';
import { collectorState, counted, newBucket, setFaults, setOffline, waitFor } from './support/helpers.js';
import {
  IDS,
  answer,
  clearHash,
  focused,
  mount,
  part,
  progressText,
  rating,
  settle,
  shadow,
  statusText,
  uniqueCommunity,
} from './support/assessment.js';

// Two tabs of the same portal: this page's assessment, and one in an iframe whose page has modules
// of its own (its own BroadcastChannel and outbox over the same database), as another tab has.

const sendButton = (el: LcAssessment) => part(el, 'submit') as HTMLButtonElement;
const buttonText = (el: LcAssessment) => sendButton(el).textContent!.trim();

async function reach(el: LcAssessment, state: SubmissionState) {
  await waitFor(
    () => el.submissionState === state,
    `the submission state "${state}" (still "${el.submissionState}", status "${statusText(el)}")`,
  );
  await settle(el);
}

async function answerAll(el: LcAssessment) {
  for (const id of IDS) await answer(el, id, String(IDS.indexOf(id) % 5));
}

async function openReview(el: LcAssessment) {
  el.goTo('review');
  await settle(el);
}

function submitted(el: Element): Array<{ id: string; replaces?: string | undefined }> {
  const list: Array<{ id: string; replaces?: string | undefined }> = [];
  el.addEventListener('lc-submit', (e) => list.push((e as LcSubmitEvent).envelope));
  return list;
}

/** True when both tabs hold the same answer to every question (what each would send). */
const sameAnswers = (a: LcAssessment, b: LcAssessment) => {
  const sorted = (el: LcAssessment) => JSON.stringify(Object.entries(el.answers).sort(([x], [y]) => (x < y ? -1 : 1)));
  return sorted(a) === sorted(b);
};

describe('<lc-assessment> open in two tabs', () => {
  let frame: HTMLIFrameElement;
  let ready = false;
  const onMessage = (e: MessageEvent) => {
    if (e.data?.source === 'assessment-frame' && e.data.type === 'ready') ready = true;
  };

  before(async () => {
    // The outbox database is created by a page that stays (see reflection-journal-frame.test.ts).
    await getOutbox('device').pending();
  });

  beforeEach(() => {
    ready = false;
    window.addEventListener('message', onMessage);
    frame = document.createElement('iframe');
    document.body.append(frame);
  });

  afterEach(async () => {
    await setOffline(false);
    window.removeEventListener('message', onMessage);
    frame.remove();
    clearHash();
  });

  /** The other tab: the same community's assessment, posting to the same endpoint. */
  async function otherTab(community: string, endpoint: string): Promise<LcAssessment> {
    frame.src = `/test/fixtures/assessment-frame.html?${new URLSearchParams({ community, endpoint })}`;
    await waitFor(() => ready, 'the other tab to load', 15_000);
    const el = frame.contentDocument!.querySelector('lc-assessment') as LcAssessment;
    await settle(el);
    return el;
  }

  /** Both tabs, with every question answered in the other one (and seen here). */
  async function bothAnswered(endpoint: string) {
    const community = uniqueCommunity();
    const here = await mount({ community, endpoint });
    const there = await otherTab(community, endpoint);
    await answerAll(there);
    await waitFor(() => here.progress.answered === IDS.length, 'the answers to reach this tab');
    await settle(here);
    expect(progressText(here)).to.equal('12 of 12 answered');
    return { here, there, community };
  }

  /** Sent from the other tab (shown sent in both), then taken back there by "change my answers". */
  async function sentThenChangedThere(here: LcAssessment, there: LcAssessment) {
    await openReview(there);
    sendButton(there).click();
    await reach(there, 'sent');
    await reach(here, 'sent');
    sendButton(there).click(); // "Change my answers"
    await reach(there, 'idle');
    await reach(here, 'idle');
  }

  it('sent in the other tab: shown sent here, and "change my answers" here replaces it (counted once)', async () => {
    const bucket = newBucket('tabs');
    const { here, there } = await bothAnswered(bucket.endpoint);
    const sentHere = submitted(here);
    const sentThere = submitted(there);
    await openReview(there);
    sendButton(there).click();
    await reach(there, 'sent');

    await reach(here, 'sent');
    expect(here.reviewing, 'the review, read-only').to.be.true;
    expect(statusText(here)).to.equal('Thank you. Your answers have been sent.');
    expect(part(here, 'status')!.getAttribute('role')).to.equal('status');
    expect(buttonText(here)).to.equal('Change my answers');
    expect(shadow(here).querySelector('[part~="change-link"]'), 'nothing to change before asking').to.equal(null);
    expect(part(here, 'steps')).to.equal(null);
    await expect(here).to.be.accessible();
    expect(sentHere, 'nothing sent from here').to.have.length(0);
    const [first] = (await collectorState(bucket.name)).records;
    expect(first!.id).to.equal(sentThere[0]!.id);

    // "Change my answers" here: both tabs editable again; the answers sent from here replace the first.
    sendButton(here).click();
    await reach(here, 'idle');
    await waitFor(() => focused(here)?.id === 'review-heading', 'the focus on the review');
    await reach(there, 'idle');
    expect(buttonText(there)).to.equal('Send my answers');
    expect(shadow(there).querySelector('[part~="change-link"]')).to.exist;
    here.goTo('trust');
    await answer(here, 'trust', '4');
    await waitFor(() => there.answers['trust']?.value === '4', 'the change to reach the other tab');
    await openReview(here);
    sendButton(here).click();
    await reach(here, 'sent');
    await reach(there, 'sent');
    expect(statusText(there)).to.equal('Thank you. Your answers have been sent.');

    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(2);
    expect(sentHere).to.have.length(1);
    expect(sentHere[0]!.replaces, 'names the other tab’s submission').to.equal(first!.id);
    expect(counted(records).map((r) => r.id)).to.deep.equal([sentHere[0]!.id]);
    expect(sentThere, 'one submission from there').to.have.length(1);
  });

  it('"change my answers" in the other tab, then sent here: replaces it, and the reference collector counts one', async () => {
    const endpoint = '/__lc/reference/api/submissions';
    const { here, there, community } = await bothAnswered(endpoint);
    const sentHere = submitted(here);
    const sentThere = submitted(there);
    await openReview(there);
    sendButton(there).click();
    await reach(there, 'sent');
    await reach(here, 'sent');

    sendButton(there).click();
    await reach(there, 'idle');
    // Taken back there: editable here too, not shown as sent.
    await reach(here, 'idle');
    expect(statusText(here)).to.equal('');
    expect(buttonText(here)).to.equal('Send my answers');
    await answer(there, 'trust', 'dont-know');
    await waitFor(() => here.answers['trust']?.value === 'dont-know', 'the change to reach this tab');
    // Every answer, not only the changed one: a submission there is these answers here.
    await waitFor(() => sameAnswers(here, there), 'both tabs to hold the same answers');
    await settle(here);
    await settle(here);
    sendButton(here).click();
    await reach(here, 'sent');
    await reach(there, 'sent');
    expect(sentHere).to.have.length(1);
    expect(sentHere[0]!.replaces).to.equal(sentThere[0]!.id);

    const results = (await (
      await fetch(`/__lc/reference/api/results?${new URLSearchParams({ community, round: '2026-spring' })}`)
    ).json()) as { criteria: Array<{ criterion: string; overall: { n: number; dontKnow: number } }> };
    const trust = results.criteria.find((c) => c.criterion === 'trust')!;
    expect(trust.overall, 'one person, their changed answer').to.deep.include({ n: 1, dontKnow: 1 });
    expect(results.criteria.every((c) => c.overall.n === 1)).to.be.true;
  });

  it('queued offline in the other tab: shown waiting here, then sent once when the connection is back', async () => {
    const bucket = newBucket('tabs');
    const { here, there } = await bothAnswered(bucket.endpoint);
    const sentHere = submitted(here);
    await openReview(there);
    await setOffline(true);
    sendButton(there).click();
    await reach(there, 'queued');
    await reach(here, 'queued');
    expect(statusText(here)).to.equal('Saved. Your answers will be sent when the connection is back.');
    expect(buttonText(here)).to.equal('Change my answers');
    await setOffline(false);
    // Delivered by either tab's outbox (they share it): both tabs learn it.
    await reach(here, 'sent');
    await reach(there, 'sent');
    await expect(here).to.be.accessible();
    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    expect(sentHere).to.have.length(0);
  });

  it('refused in the other tab: the reason shown here too, answers kept, and trying again sends once', async () => {
    const bucket = newBucket('tabs');
    const { here, there } = await bothAnswered(bucket.endpoint);
    await setFaults(bucket.name, [{ status: 422, message: 'the round is closed', contentLanguage: 'en' }]);
    await openReview(there);
    sendButton(there).click();
    await reach(there, 'rejected');
    await reach(here, 'rejected');
    expect(statusText(here)).to.equal(
      'Not accepted: the round is closed. Your answers are kept; you can change them and try again.',
    );
    expect(buttonText(here)).to.equal('Try again');
    expect(here.progress.answered).to.equal(12);
    await expect(here).to.be.accessible();
    await openReview(here);
    sendButton(here).click();
    await reach(here, 'sent');
    await reach(there, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
  });

  it('changed and refused in the other tab: trying again here still replaces the first (counted once)', async () => {
    const bucket = newBucket('tabs');
    const { here, there } = await bothAnswered(bucket.endpoint);
    const sentHere = submitted(here);
    const sentThere = submitted(there);
    await sentThenChangedThere(here, there);
    await answer(there, 'trust', 'dont-know');
    await waitFor(() => here.answers['trust']?.value === 'dont-know', 'the change to reach this tab');
    // Every answer, not only the changed one: a submission there is these answers here.
    await waitFor(() => sameAnswers(here, there), 'both tabs to hold the same answers');
    await settle(here);
    await setFaults(bucket.name, [{ status: 422, message: 'refused once', contentLanguage: 'en' }]);
    await openReview(there);
    sendButton(there).click();
    await reach(there, 'rejected');
    await reach(here, 'rejected');
    await openReview(here);
    sendButton(here).click(); // "Try again"
    await reach(here, 'sent');

    expect(sentThere).to.have.length(2);
    expect(sentHere).to.have.length(1);
    expect(sentHere[0]!.replaces, 'the refused one was never stored').to.equal(sentThere[0]!.id);
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r.id)).to.deep.equal([sentThere[0]!.id, sentHere[0]!.id]);
    expect(
      counted(records).map((r) => r.id),
      'counted once',
    ).to.deep.equal([sentHere[0]!.id]);
  });

  it('a delivery told late, after "change my answers": the answers stay editable in both tabs', async () => {
    const bucket = newBucket('tabs');
    const { here, there, community } = await bothAnswered(bucket.endpoint);
    const sentThere = submitted(there);
    await sentThenChangedThere(here, there);
    // A tab that heard of the delivery later (from the outbox) tells it once more: that news
    // crosses "change my answers" and is older than it.
    const first = sentThere[0] as unknown as Envelope;
    const key = answersKey({ community, round: '2026-spring', criteriaSet: 'common-criteria' });
    // Every state either tab shows from here on (a render between two messages is seen).
    const shown: string[] = [];
    const watch = new MutationObserver((records) => {
      for (const r of records) shown.push((r.target as HTMLElement).dataset['state']!);
    });
    for (const el of [here, there]) {
      watch.observe(shadow(el), { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    }
    const late = new BroadcastChannel(ANSWERS_CHANNEL);
    try {
      late.postMessage({ key, submission: { envelope: first, state: 'sent', message: '' } });
      // Told after it by the same tab, so taken after it: once both tabs hold this answer, they
      // have taken the late news too.
      late.postMessage({ key, id: 'trust', answer: { value: 'dont-know', comment: '', evidence: '' } });
      await waitFor(
        () => here.answers['trust']?.value === 'dont-know' && there.answers['trust']?.value === 'dont-know',
        'the answer told after the late news to reach both tabs',
      );
    } finally {
      late.close();
    }
    await settle(here);
    await settle(there);
    watch.disconnect();
    expect(shown, 'never shown as sent again, not even for a moment').to.not.include('sent');
    expect(there.submissionState, 'taken back there: not sent again').to.equal('idle');
    expect(here.submissionState, 'nor here').to.equal('idle');
    expect(buttonText(there)).to.equal('Send my answers');
    sendButton(there).click();
    await reach(there, 'sent');
    await reach(here, 'sent');
    expect(sentThere).to.have.length(2);
    expect(sentThere[1]!.replaces).to.equal(first.id);
    const { records } = await collectorState(bucket.name);
    expect(counted(records).map((r) => r.id)).to.deep.equal([sentThere[1]!.id]);
  });

  it('"Send" pressed here as the other tab\'s submission arrives: shown as sent, never taken back', async () => {
    const bucket = newBucket('tabs');
    const { here, there } = await bothAnswered(bucket.endpoint);
    await openReview(there);
    sendButton(there).click();
    await reach(there, 'sent');
    await reach(here, 'sent');
    // The button as it was drawn a moment before the other tab's news arrived: "Send my answers".
    sendButton(here).dataset['action'] = 'send';
    sendButton(here).click();
    await settle(here);
    await new Promise((r) => setTimeout(r, 200));
    expect(here.submissionState, 'not taken back by a press meant as "Send"').to.equal('sent');
    expect(there.submissionState, 'nor in the other tab').to.equal('sent');
    expect(buttonText(here)).to.equal('Change my answers');
    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
  });

  it('"Send" pressed here just after the other tab\'s submission turned it into "change": both tabs show it sent', async () => {
    const bucket = newBucket('tabs');
    const { here, there } = await bothAnswered(bucket.endpoint);
    const sentHere = submitted(here);
    await openReview(here);
    await openReview(there);
    expect(buttonText(here)).to.equal('Send my answers');
    sendButton(there).click();
    await reach(here, 'sent');
    // The press aimed at "Send" here lands a moment after the other tab's news redrew the button
    // (the person cannot have seen "Change my answers" yet).
    expect(sendButton(here).dataset['action']).to.equal('change');
    sendButton(here).click();
    await settle(here);
    await new Promise((r) => setTimeout(r, 200));
    expect(here.submissionState, 'not taken back here').to.equal('sent');
    expect(there.submissionState, 'nor in the other tab').to.equal('sent');
    expect(statusText(here)).to.equal('Thank you. Your answers have been sent.');
    expect(statusText(there)).to.equal('Thank you. Your answers have been sent.');
    expect(buttonText(here)).to.equal('Change my answers');
    expect(buttonText(there)).to.equal('Change my answers');
    expect(sentHere, 'nothing sent from here').to.have.length(0);
    expect((await collectorState(bucket.name)).records).to.have.length(1);

    // Once the person has seen it, "Change my answers" does what it says, in both tabs.
    await new Promise((r) => setTimeout(r, 1100));
    sendButton(here).click();
    await reach(here, 'idle');
    await reach(there, 'idle');
  });

  it('sent from both tabs at once: one submission counts, and both tabs show it', async () => {
    const bucket = newBucket('tabs');
    const { here, there } = await bothAnswered(bucket.endpoint);
    await openReview(here);
    await openReview(there);
    // Both in the same moment: neither has heard of the other's yet.
    const both = Promise.all([here.submit(), there.submit()]);
    await both;
    await reach(here, 'sent');
    await reach(there, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(counted(records), 'counted once').to.have.length(1);
    expect(statusText(there)).to.equal('Thank you. Your answers have been sent.');
  });

  it('an answer given here as the other tab sends stays, and its send replaces the other tab’s', async () => {
    const bucket = newBucket('tabs');
    const community = uniqueCommunity();
    const here = await mount({ community, endpoint: bucket.endpoint, allowPartial: true });
    const key = answersKey({ community, round: '2026-spring', criteriaSet: 'common-criteria' });
    const sentHere = submitted(here);
    await answer(here, 'trust', '2');
    await answer(here, 'inclusion', '3');
    // The other tab sent before this tab's last answer reached it.
    const theirs = createEnvelope(
      'assessment',
      {
        community,
        round: '2026-spring',
        criteriaSet: { id: commonCriteriaEn.id, version: commonCriteriaEn.version },
        locale: 'en',
      },
      { answers: [{ criterion: 'trust', level: 2 }] },
    );
    const otherTabChannel = new BroadcastChannel(ANSWERS_CHANNEL);
    try {
      otherTabChannel.postMessage({ key, submission: { envelope: theirs, state: 'sent' } });
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      otherTabChannel.close();
    }
    await settle(here);
    expect(here.submissionState, 'not shown as sent: it lacks an answer given here').to.equal('idle');
    expect(rating(here, 'inclusion').value).to.equal('3');
    await openReview(here);
    expect(buttonText(here)).to.equal('Send my answers');
    sendButton(here).click();
    await reach(here, 'sent');
    expect(sentHere[0]!.replaces).to.equal(theirs.id);
    const { records } = await collectorState(bucket.name);
    expect((records[0] as unknown as { data: { answers: unknown[] } }).data.answers).to.have.length(2);
  });
});
