import { expect } from '@open-wc/testing';
import '../src/components/community/define.js';
import '../src/components/partnership-matrix/define.js';
import { matrixDraftKey } from '../src/components/partnership-matrix/draft.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import { getDraftStore } from '../src/components/reflection-journal/drafts.js';
import '../src/components/self-rating/define.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import { answersKey, getAnswersStore } from '../src/components/assessment/answers-store.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import { getOutbox } from '../src/core/outbox.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import { IDS, answer, part, progressText, settle, shadow, statusText, uniqueCommunity } from './support/assessment.js';
import { absolute, busy, earlierVisits, kept } from './support/earlier-visits.js';
import { collectorState, lastTryArrived, newBucket, setFaults, waitFor } from './support/helpers.js';
import { smallActors, smallTies } from './partnership-matrix-support.js';

// A submission queued on an earlier visit (the endpoint down) is delivered on a later page load
// that has another element posting to the same endpoint (here: a rating on this page). The element
// that made it is not on that page: the outbox keeps a note of the delivery (the entry, marked
// delivered, never sent again) until that element's next load shows it sent, as it would have
// had it been there; a person shown a blank form would answer again, counted twice.
describe('a submission delivered on a page load without its element', () => {
  const { visit, visitRating, leave } = earlierVisits();

  /** A page with only a rating posting to `endpoint`: the endpoint takes what an earlier visit left. */
  async function ratingPageDelivers(bucket: { name: string; endpoint: string }, id: string, criterion = 'trust') {
    // The page that made it left: its last try (on pagehide) reaches the server before its answers change.
    await lastTryArrived(bucket.name, id);
    await setFaults(bucket.name, []);
    const rating = document.createElement('lc-self-rating');
    rating.setAttribute('criterion', criterion);
    rating.setAttribute('endpoint', bucket.endpoint);
    try {
      document.body.append(rating);
      await waitFor(async () => (await collectorState(bucket.name)).records.length, 'the delivery');
      // No longer waiting (the page's outbox has written what it does with a delivery).
      await waitFor(async () => (await kept(id))?.delivered !== undefined || !(await kept(id)), 'the outbox told');
    } finally {
      rating.remove();
    }
    const { records, requests } = await collectorState(bucket.name);
    expect(records.map((r) => r.id)).to.deep.equal([id]);
    return requests.length;
  }

  it('the assessment shows its answers sent on its next load, read-only, and clears them from the device', async () => {
    const bucket = newBucket('delivered-elsewhere');
    const community = uniqueCommunity();
    const query = { community, endpoint: bucket.endpoint };
    // First visit: sent while the collector is down.
    // Busy for each try of that visit (its last, on pagehide, too).
    await setFaults(bucket.name, [busy, busy, busy]);
    let doc = await visit('assessment-frame', query);
    let el = doc.querySelector('lc-assessment') as LcAssessment;
    for (const id of IDS) await answer(el, id, String(IDS.indexOf(id) % 5));
    el.goTo('review');
    await settle(el);
    (part(el, 'submit') as HTMLButtonElement).click();
    await waitFor(() => el.submissionState === 'queued', 'the assessment queued');
    const id = (await getOutbox('device').pending()).find((e) => e.endpoint === absolute(bucket.endpoint))!.id;
    const key = answersKey({ community, round: '2026-spring', criteriaSet: commonCriteriaEn.id, perspective: '' });
    await waitFor(async () => (await getAnswersStore('device').read(key))?.pending === id, 'the answers noted as sent');

    // Another page of the site, with only a rating: delivered there.
    leave();
    const tries = await ratingPageDelivers(bucket, id);

    // The assessment's page again: sent, as if it had been delivered there, never blank.
    doc = await visit('assessment-frame', query);
    el = doc.querySelector('lc-assessment') as LcAssessment;
    await waitFor(() => el.submissionState === 'sent', `sent (still "${el.submissionState}")`);
    await settle(el);
    expect(statusText(el)).to.equal('Thank you. Your answers have been sent.');
    expect(progressText(el)).to.equal('12 of 12 answered');
    expect(part(el, 'submit')!.textContent!.trim()).to.equal('Change my answers');
    expect(shadow(el).querySelector('[part~="change-link"]'), 'read-only once sent').to.equal(null);
    await waitFor(async () => !(await kept(id)), 'the outbox to let it go');
    await waitFor(async () => !(await getAnswersStore('device').read(key)), 'the kept answers cleared');
    const { requests, records } = await collectorState(bucket.name);
    expect(records, 'counted once').to.have.length(1);
    expect(requests.length, 'not sent again').to.equal(tries);
  });

  it('the journal lists the entry as sent, not waiting, on its next load, tells it, and the outbox lets it go', async () => {
    const bucket = newBucket('delivered-elsewhere');
    const key = `frame-${Math.random().toString(36).slice(2)}`;
    const query = { key, community: `delivered-${key}`, endpoint: bucket.endpoint };
    // Busy for each try of that visit (its last, on pagehide, too).
    await setFaults(bucket.name, [busy, busy, busy]);
    let doc = await visit('journal-frame', query);
    let journal = doc.querySelector('lc-reflection-journal') as LcReflectionJournal;
    const field = (name: string) => journal.shadowRoot!.querySelector<HTMLInputElement>(`#${name}`)!;
    const text = (selector: string) =>
      (journal.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    for (const [name, value] of [
      ['title', 'Our neighbourhood fair'],
      ['practised', 'We practised asking people what they need.'],
    ]) {
      field(name!).value = value!;
      field(name!).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await journal.updateComplete;
    journal.shadowRoot!.querySelector<HTMLElement>('[part="submit"]')!.click();
    await waitFor(() => text('[part="status"]').startsWith('Saved.'), 'the entry queued');
    await waitFor(() => journal.shadowRoot!.querySelector('[part="entry"] .pending'), 'listed as waiting');
    const id = (await getOutbox('device').pending()).find((e) => e.endpoint === absolute(bucket.endpoint))!.id;

    leave();
    const tries = await ratingPageDelivers(bucket, id);

    doc = await visit('journal-frame', query);
    journal = doc.querySelector('lc-reflection-journal') as LcReflectionJournal;
    await waitFor(() => text('[part="entry"]').includes('Our neighbourhood fair'), 'the entry listed');
    await waitFor(async () => !(await kept(id)), 'the outbox to let it go');
    await journal.updateComplete;
    expect(journal.shadowRoot!.querySelector('[part="entry"] .pending'), 'not waiting').to.equal(null);
    expect(field('title').value, 'not back in the form').to.equal('');
    // Told as a delivery on the page is: lc-submitted, and the status.
    const told = () => (doc.defaultView as unknown as { told: string[] }).told;
    expect(told(), 'lc-submitted').to.deep.equal([id]);
    expect(text('[part="status"]')).to.equal('Thank you. Your entry has been sent and is listed under past entries.');
    expect((await collectorState(bucket.name)).requests.length, 'not sent again').to.equal(tries);

    // Told once: the next load lists it, and says nothing of it.
    doc = await visit('journal-frame', query);
    journal = doc.querySelector('lc-reflection-journal') as LcReflectionJournal;
    await waitFor(() => text('[part="entry"]').includes('Our neighbourhood fair'), 'the entry listed again');
    await journal.updateComplete;
    expect(told(), 'told once').to.deep.equal([]);
    expect(text('[part="status"]')).to.equal('');
  });

  it('a rating (taken up by the submission controller) shows its answer sent on its next load', async () => {
    const bucket = newBucket('delivered-elsewhere');
    const query = { endpoint: bucket.endpoint, criterion: 'trust' };
    await setFaults(bucket.name, [busy, busy, busy]);
    let rating = await visitRating<LcSelfRating>(query);
    await rating.updateComplete;
    rating.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[3]!.click();
    rating.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!.click();
    await waitFor(() => rating.submissionState === 'queued', 'the rating queued');
    const id = (await getOutbox('device').pending()).find((e) => e.endpoint === absolute(bucket.endpoint))!.id;

    // Another question's rating posts to the same endpoint: delivered there.
    leave();
    const tries = await ratingPageDelivers(bucket, id, 'initiatives');

    rating = await visitRating<LcSelfRating>(query);
    await waitFor(() => rating.submissionState === 'sent', `sent (still "${rating.submissionState}")`);
    await rating.updateComplete;
    expect(rating.value).to.equal('3');
    expect(rating.shadowRoot!.textContent).to.contain('Thank you. Your answer has been sent.');
    expect(rating.shadowRoot!.querySelector('[part~="submit"]')!.textContent!.trim()).to.equal('Change my answer');
    await waitFor(async () => !(await kept(id)), 'the outbox to let it go');
    const { requests, records } = await collectorState(bucket.name);
    expect(records, 'counted once').to.have.length(1);
    expect(requests.length, 'not sent again').to.equal(tries);
  });

  it('the matrix shows its map sent on its next load, and the note of it goes from the device', async () => {
    const bucket = newBucket('delivered-elsewhere');
    const community = `delivered-${Math.random().toString(36).slice(2)}`;
    const query = { community, endpoint: bucket.endpoint };
    // Busy for each try of that visit (its last, on pagehide, too).
    await setFaults(bucket.name, [busy, busy, busy]);
    let doc = await visit('matrix-frame', query);
    let el = doc.querySelector('lc-partnership-matrix') as LcPartnershipMatrix;
    el.actors = smallActors;
    el.ties = smallTies;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!.click();
    await waitFor(() => el.submissionState === 'queued', 'the map queued');
    const id = (await getOutbox('device').pending()).find((e) => e.endpoint === absolute(bucket.endpoint))!.id;
    const key = matrixDraftKey(community, '2026-spring');
    await waitFor(
      async () => ((await getDraftStore('device').get(key)) as { pending?: string })?.pending === id,
      'the note of it kept',
    );

    leave();
    const tries = await ratingPageDelivers(bucket, id);

    doc = await visit('matrix-frame', query);
    el = doc.querySelector('lc-partnership-matrix') as LcPartnershipMatrix;
    await waitFor(() => el.submissionState === 'sent', `sent (still "${el.submissionState}")`);
    await el.updateComplete;
    expect(el.actors).to.deep.equal(smallActors);
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain(
      'Thank you. Your answer has been sent.',
    );
    await waitFor(async () => !(await kept(id)), 'the outbox to let it go');
    await waitFor(async () => !(await getDraftStore('device').get(key)), 'the note gone from the device');
    const { requests, records } = await collectorState(bucket.name);
    expect(records, 'counted once').to.have.length(1);
    expect(requests.length, 'not sent again').to.equal(tries);
  });
});
