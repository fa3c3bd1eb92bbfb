import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/community/define.js';
import '../src/components/partnership-matrix/define.js';
import { matrixDraftKey } from '../src/components/partnership-matrix/draft.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import { getDraftStore } from '../src/components/reflection-journal/drafts.js';
import { createEnvelope } from '../src/core/envelope.js';
import type { LcSubmitErrorEvent, LcSubmitEvent } from '../src/core/events.js';
import '../src/components/self-rating/define.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import { answersKey, getAnswersStore } from '../src/components/assessment/answers-store.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import { getOutbox, indexedDbStore } from '../src/core/outbox.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import { IDS, answer, part, progressText, settle, statusText, uniqueCommunity } from './support/assessment.js';
import { absolute, busy, earlierVisits, kept } from './support/earlier-visits.js';
import { collectorState, lastTryArrived, newBucket, setFaults, waitFor } from './support/helpers.js';
import { smallActors, smallTies } from './partnership-matrix-support.js';

// A submission queued on an earlier visit (the endpoint down) is tried on a later page load that
// has another element posting to the same endpoint (here: a rating on this page), and refused
// there. The element that made it is not on that page: the outbox keeps the refused submission,
// never to be tried again, until that element's next load shows the refusal with the input back.
describe('a submission refused on a page load without its element', () => {
  const { visit, visitRating, leave } = earlierVisits();

  /** A page with only a rating posting to `endpoint`: the endpoint refuses what an earlier visit left. */
  async function ratingPageRefuses(
    bucket: { name: string; endpoint: string },
    id: string,
    kind: string,
    criterion = 'trust',
  ) {
    // The page that made it left: its last try (on pagehide) reaches the server before its answers change.
    await lastTryArrived(bucket.name, id);
    await setFaults(bucket.name, [{ status: 422, message: 'this round is closed' }]);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    const rating = document.createElement('lc-self-rating');
    rating.setAttribute('criterion', criterion);
    rating.setAttribute('endpoint', bucket.endpoint);
    try {
      document.body.append(rating);
      await waitFor(async () => (await kept(id))?.refused, 'the refusal, kept');
    } finally {
      console.warn = warn;
      rating.remove();
    }
    expect(warnings).to.deep.equal([
      `[lc-elements] ${kind} submission left by an earlier visit or by an element no longer on the page was refused by ${absolute(bucket.endpoint)} ` +
        '(422 this round is closed); kept on the device until its element shows it',
    ]);
    expect((await kept(id))?.refused).to.deep.include({ message: 'this round is closed', status: 422 });
    const { records, requests } = await collectorState(bucket.name);
    expect(records).to.deep.equal([]);
    return requests.length;
  }

  it('the assessment shows it refused on its next load, its answers back, and the outbox lets it go', async () => {
    const bucket = newBucket('refused-elsewhere');
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

    // Another page of the site, with only a rating: refused there, kept, and never tried again.
    leave();
    const tries = await ratingPageRefuses(bucket, id, 'an assessment');

    // The assessment's page again: refused, with the reason, and the answers to send again.
    doc = await visit('assessment-frame', query);
    el = doc.querySelector('lc-assessment') as LcAssessment;
    await waitFor(() => el.submissionState === 'rejected', `the refusal (still "${el.submissionState}")`);
    await settle(el);
    expect(statusText(el)).to.contain('this round is closed');
    expect(progressText(el)).to.equal('12 of 12 answered');
    await waitFor(async () => !(await kept(id)), 'the outbox to let it go');
    await waitFor(
      async () => (await getAnswersStore('device').read(key))?.answers?.[IDS[0]!],
      'the answers still kept on the device',
    );
    const { requests, records } = await collectorState(bucket.name);
    expect(records).to.deep.equal([]);
    expect(requests.length, 'the refused one is not tried again').to.equal(tries);
  });

  it('the journal puts the entry back, with the reason, on its next load; never listed as sent', async () => {
    const bucket = newBucket('refused-elsewhere');
    const key = `frame-${Math.random().toString(36).slice(2)}`;
    const query = { key, community: `refused-${key}`, endpoint: bucket.endpoint };
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
    const id = (await getOutbox('device').pending()).find((e) => e.endpoint === absolute(bucket.endpoint))!.id;

    leave();
    const tries = await ratingPageRefuses(bucket, id, 'a journal-entry');

    doc = await visit('journal-frame', query);
    journal = doc.querySelector('lc-reflection-journal') as LcReflectionJournal;
    await waitFor(
      () => text('[part="status"]').startsWith('Not accepted'),
      `the refusal (status "${text('[part="status"]')}")`,
    );
    expect(text('[part="status"]')).to.contain('this round is closed');
    expect(field('title').value).to.equal('Our neighbourhood fair');
    expect(field('practised').value).to.equal('We practised asking people what they need.');
    expect(journal.shadowRoot!.querySelector('[part="entry"]'), 'not listed as sent').to.equal(null);
    await waitFor(async () => !(await kept(id)), 'the outbox to let it go');
    expect((await collectorState(bucket.name)).requests.length, 'not tried again').to.equal(tries);

    // And on the load after that, still in the form (a draft now), never "Sent from this browser".
    doc = await visit('journal-frame', query);
    journal = doc.querySelector('lc-reflection-journal') as LcReflectionJournal;
    await waitFor(() => field('title').value === 'Our neighbourhood fair', 'the entry kept as the draft');
    expect(journal.shadowRoot!.querySelector('[part="entry"]'), 'not listed as sent').to.equal(null);
  });

  it('a rating (taken up by the submission controller) shows it refused on its next load, its answer back', async () => {
    const bucket = newBucket('refused-elsewhere');
    const query = { endpoint: bucket.endpoint, criterion: 'trust' };
    await setFaults(bucket.name, [busy, busy, busy]);
    let rating = await visitRating<LcSelfRating>(query);
    await rating.updateComplete;
    rating.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[3]!.click();
    rating.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!.click();
    await waitFor(() => rating.submissionState === 'queued', 'the rating queued');
    const id = (await getOutbox('device').pending()).find((e) => e.endpoint === absolute(bucket.endpoint))!.id;

    // Another question's rating posts to the same endpoint: the refusal is kept for this one.
    leave();
    const tries = await ratingPageRefuses(bucket, id, 'a rating', 'initiatives');

    rating = await visitRating<LcSelfRating>(query);
    await waitFor(() => rating.submissionState === 'rejected', `the refusal (still "${rating.submissionState}")`);
    await rating.updateComplete;
    expect(rating.value).to.equal('3');
    expect(rating.shadowRoot!.textContent).to.contain('this round is closed');
    await waitFor(async () => !(await kept(id)), 'the outbox to let it go');
    expect((await collectorState(bucket.name)).requests.length, 'not tried again').to.equal(tries);
  });

  // A framework's navigation removes the rating while its answer is out; the answer settles with no
  // element of it on the page, and the person comes back on a later load.
  for (const refused of [true, false]) {
    it(`a rating removed while its answer was out, ${refused ? 'refused' : 'delivered'} meanwhile: its next load shows it so`, async () => {
      const bucket = newBucket('left-while-out');
      const query = { endpoint: bucket.endpoint, criterion: 'trust' };
      await setFaults(bucket.name, [
        refused ? { status: 422, message: 'this round is closed', stallMs: 600 } : { stallMs: 600 },
      ]);
      let rating = await visitRating<LcSelfRating>(query);
      await rating.updateComplete;
      let id = '';
      rating.addEventListener('lc-submit', (e) => (id = (e as LcSubmitEvent).envelope.id), { once: true });
      rating.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[3]!.click();
      rating.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!.click();
      await waitFor(() => rating.submissionState === 'sending', 'the rating sending');
      await waitFor(async () => (await collectorState(bucket.name)).requests.length === 1, 'the request out');
      expect((await collectorState(bucket.name)).requests[0]!.id).to.equal(id);
      rating.remove();
      const entry = await waitFor(async () => {
        const e = await kept(id);
        return (refused ? !!e?.refused : e?.delivered !== undefined) ? e : undefined;
      }, 'the answer kept on the device for its element');
      expect(entry.envelope.data).to.deep.include({ level: 3 });

      rating = await visitRating<LcSelfRating>(query);
      const state = refused ? 'rejected' : 'sent';
      await waitFor(() => rating.submissionState === state, `${state} (still "${rating.submissionState}")`);
      await rating.updateComplete;
      expect(rating.value, 'the answer back').to.equal('3');
      expect(rating.shadowRoot!.textContent).to.contain(
        refused ? 'this round is closed' : 'Thank you. Your answer has been sent.',
      );
      await waitFor(async () => !(await kept(id)), 'the outbox to let it go');
      const { requests, records } = await collectorState(bucket.name);
      expect(records, 'counted as it was answered').to.have.length(refused ? 0 : 1);
      expect(requests, 'never sent again').to.have.length(1);
    });
  }

  it('the matrix takes up a refusal kept for it: shown with the reason, the map back on the device', async () => {
    const bucket = newBucket('refused-elsewhere');
    const community = `refused-${Math.random().toString(36).slice(2)}`;
    const round = '2026-spring';
    // What the two earlier loads left (see the tests above): the map's note, and its submission
    // refused on a page without the matrix, kept in the outbox for it.
    const envelope = createEnvelope(
      'partnerships',
      { community, round, criteriaSet: { id: commonCriteriaEn.id, version: commonCriteriaEn.version }, locale: 'en' },
      { directed: false, actors: smallActors, ties: smallTies, figures: {} },
    );
    const key = matrixDraftKey(community, round);
    await getDraftStore('device').set(key, { v: 1, savedAt: Date.now(), pending: envelope.id });
    const refused = { message: 'this round is closed', status: 422 };
    const now = Date.now();
    const entry = {
      id: envelope.id,
      endpoint: absolute(bucket.endpoint),
      envelope,
      attempts: 1,
      nextAttemptAt: now,
      queuedAt: now,
    };
    await indexedDbStore().put({ ...entry, refused });
    const told: string[] = [];
    const onError = (e: Event) => told.push((e as LcSubmitErrorEvent).message);
    document.addEventListener('lc-submit-error', onError);
    try {
      const root = await fixture(
        html`<lc-community endpoint=${bucket.endpoint} community=${community} round=${round} storage="device"
          ><lc-partnership-matrix></lc-partnership-matrix
        ></lc-community>`,
      );
      const el = root.querySelector('lc-partnership-matrix') as LcPartnershipMatrix;
      await waitFor(() => el.submissionState === 'rejected', `the refusal (still "${el.submissionState}")`);
      await waitFor(() => el.actors.length === smallActors.length, 'the map shown again');
      await el.updateComplete;
      expect(el.actors).to.deep.equal(smallActors);
      expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('this round is closed');
      expect(told).to.deep.equal(['this round is closed']);
      await waitFor(async () => !(await kept(envelope.id)), 'the outbox to let it go');
      await waitFor(
        async () =>
          ((await getDraftStore('device').get(key)) as { map?: { actors?: unknown[] } })?.map?.actors?.length === 4,
        'the map written again',
      );
      expect((await collectorState(bucket.name)).requests, 'not tried again').to.deep.equal([]);
    } finally {
      document.removeEventListener('lc-submit-error', onError);
    }
  });
});
