import { expect } from '@open-wc/testing';
// Loaded up front: axe-using files may run while the browser is offline.
import 'axe-core/axe.min.js';
import { createStore, get, set } from 'idb-keyval';
import {
  ANSWERS_DB,
  ANSWERS_STORE,
  answersKey,
  legacyAnswersKey,
  type KeptAnswers,
} from '../src/components/assessment/answers-store.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import { createEnvelope, type Envelope } from '../src/core/envelope.js';
import type { LcSubmitEvent } from '../src/core/events.js';
import { getOutbox } from '../src/core/outbox.js';
import type { SubmissionState } from '../src/core/submission-controller.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import { collectorState, newBucket, setFaults, waitFor } from './support/helpers.js';
import {
  IDS,
  announcement,
  answer,
  clearHash,
  mount,
  part,
  progressText,
  settle,
  statusText,
  uniqueCommunity,
} from './support/assessment.js';

// The answers an assessment keeps on the device are a perspective's: a person answering as
// "citizen", then as "partner" (or the next person at a shared kiosk), never sees the other's.

const ROUND = '2026-spring';
const db = () => createStore(ANSWERS_DB, ANSWERS_STORE);
const parts = (community: string, perspective?: string, respondent?: string) => ({
  community,
  round: ROUND,
  criteriaSet: 'common-criteria',
  perspective,
  respondent,
});
const kept = (community: string, perspective?: string, respondent?: string): Promise<KeptAnswers | undefined> =>
  get(answersKey(parts(community, perspective, respondent)), db());
/** What an earlier version kept, under the key without a perspective. */
const legacy = (community: string): Promise<KeptAnswers | undefined> => get(legacyAnswersKey(parts(community)), db());
const leave = (el: LcAssessment) => el.closest('lc-community')!.remove();

async function reach(el: LcAssessment, state: SubmissionState) {
  await waitFor(() => el.submissionState === state, `"${state}" (still "${el.submissionState}": ${statusText(el)})`);
  await settle(el);
}

async function sendAll(el: LcAssessment, level: string) {
  for (const id of IDS) await answer(el, id, level);
  el.goTo('review');
  await settle(el);
  part(el, 'submit')!.click();
}

describe('<lc-assessment> kept answers, per perspective', () => {
  afterEach(clearHash);

  it('a community, round and perspective written decomposed: answers an earlier build kept under them are taken up', async () => {
    // "århus" with its "å" as an "a" and a combining ring (as macOS may paste it). Kept and sent
    // under the names composed, as the collector files them; an earlier build kept them as written.
    const community = `\u00e5rhus-${uniqueCommunity('nfd')}`;
    const written = { community: community.normalize('NFD'), perspective: 'bestyrelse-e\u0301' };
    const round = 'for\u00e5r';
    const key = (c: string, r: string, perspective: string) =>
      answersKey({ community: c, round: r, criteriaSet: 'common-criteria', perspective });
    const old = {
      v: 1 as const,
      savedAt: Date.now() - 60_000,
      answers: { trust: { value: '3' as const, comment: 'Kept as written', evidence: '' } },
    };
    const asWritten = key(written.community, round.normalize('NFD'), written.perspective);
    await set(asWritten, old, db());
    const el = await mount({ ...written, round: round.normalize('NFD') });
    expect(el.answers['trust']?.comment).to.equal('Kept as written');
    // Moved as it was, now marked as kept by this build under the round the host set.
    expect(await get(key(community, round, 'bestyrelse-\u00e9'), db())).to.deep.equal({ ...old, hostRound: true });
    expect(await get(asWritten, db()), 'none left under the names as written').to.equal(undefined);
  });

  it('answers given as "citizen" are not shown as "partner" (a shared kiosk), and are there again as "citizen"', async () => {
    const community = uniqueCommunity('persp');
    const citizen = await mount({ community, perspective: 'citizen' });
    await answer(citizen, 'trust', '3');
    await answer(citizen, 'inclusion', '1');
    await waitFor(async () => (await kept(community, 'citizen'))?.answers['inclusion'], "the citizen's answers kept");
    leave(citizen);

    const partner = await mount({ community, perspective: 'partner' });
    expect(partner.answers, "nothing of the citizen's").to.deep.equal({});
    expect(progressText(partner)).to.equal('0 of 12 answered');
    expect(announcement(partner), 'no "welcome back"').to.equal('');
    await answer(partner, 'trust', '0');
    await waitFor(async () => (await kept(community, 'partner'))?.answers['trust'], "the partner's answer kept");
    leave(partner);

    const again = await mount({ community, perspective: ' citizen ' });
    expect(again.answers['trust']?.value).to.equal('3');
    expect(again.answers['inclusion']?.value).to.equal('1');
    expect(announcement(again)).to.equal(
      'Welcome back: your 2 earlier answers have been restored. Carry on, or start again.',
    );
    await expect(again).to.be.accessible();
    expect((await kept(community, 'partner'))!.answers['trust']!.value).to.equal('0');
    expect(await legacy(community), 'nothing under a key without the perspective').to.equal(undefined);
    expect(await kept(community), 'nor under the key of no perspective').to.equal(undefined);
  });

  it('the perspective switched on the page: its own answers, and what was sent as the other is theirs', async () => {
    const bucket = newBucket('persp');
    const community = uniqueCommunity('persp');
    const el = await mount({ community, perspective: 'citizen', endpoint: bucket.endpoint });
    const sent: Envelope[] = [];
    el.addEventListener('lc-submit', (e) => sent.push((e as LcSubmitEvent).envelope));
    await sendAll(el, '2');
    await reach(el, 'sent');
    part(el, 'submit')!.click(); // "Change my answers": the next send would replace it
    await reach(el, 'idle');

    el.closest('lc-community')!.setAttribute('perspective', 'partner');
    await waitFor(() => !Object.keys(el.answers).length, "the citizen's answers to go");
    await el.answersRestored;
    await settle(el);
    expect(progressText(el)).to.equal('0 of 12 answered');
    expect(part(el, 'submit')!.textContent!.trim(), 'nothing sent of these').to.equal('Send my answers');
    expect(statusText(el)).to.equal('');
    await sendAll(el, '4');
    await reach(el, 'sent');
    expect(sent[1]!.perspective).to.equal('partner');
    expect(sent[1]!.replaces, "it replaces nothing of the citizen's").to.equal(undefined);
    expect((await collectorState(bucket.name)).records).to.have.length(2);

    // Back to "citizen", while partner's are on their way elsewhere: not shown as sent here.
    el.closest('lc-community')!.setAttribute('perspective', 'citizen');
    await el.answersRestored;
    await settle(el);
    expect(el.submissionState).to.equal('idle');
  });

  describe('kept by an earlier version (no perspective in the key)', () => {
    const record = (answers: KeptAnswers['answers'], pending?: string): KeptAnswers => ({
      v: 1,
      savedAt: Date.now() - 60_000,
      ...(pending ? { pending } : {}),
      answers,
    });

    it('without a submission waiting: taken up, and moved, only by an assessment without a perspective', async () => {
      const community = uniqueCommunity('legacy');
      const old = record({ trust: { value: '3', comment: 'Asked at the library', evidence: '' } });
      await set(legacyAnswersKey(parts(community)), old, db());

      // Whose they are is not known: never shown as a perspective's, and left where they are.
      const citizen = await mount({ community, perspective: 'citizen' });
      expect(citizen.answers).to.deep.equal({});
      expect(await legacy(community)).to.deep.equal(old);
      leave(citizen);

      const none = await mount({ community });
      expect(none.answers['trust']).to.deep.equal({ value: '3', comment: 'Asked at the library', evidence: '' });
      expect(announcement(none)).to.equal(
        'Welcome back: your earlier answer has been restored. Carry on, or start again.',
      );
      expect(await legacy(community), 'moved').to.equal(undefined);
      expect((await kept(community))!.answers['trust']!.comment).to.equal('Asked at the library');
    });

    it('with their submission waiting in the outbox: taken up by the perspective it names only', async () => {
      const bucket = newBucket('legacy');
      const busy = { status: 503, retryAfter: 60, message: 'busy' };
      await setFaults(bucket.name, [busy, busy, busy, busy]);
      const community = uniqueCommunity('legacy');
      const envelope = createEnvelope(
        'assessment',
        {
          community,
          round: ROUND,
          perspective: 'citizen',
          criteriaSet: { id: 'common-criteria', version: commonCriteriaEn.version },
          locale: 'en',
        },
        { answers: IDS.map((criterion) => ({ criterion, level: 2 })) },
      );
      const outbox = getOutbox('device');
      await outbox.submit(bucket.endpoint, envelope);
      const answers = Object.fromEntries(IDS.map((id) => [id, { value: '2' as const, comment: '', evidence: '' }]));
      await set(legacyAnswersKey(parts(community)), record(answers, envelope.id), db());
      try {
        for (const perspective of ['partner', undefined]) {
          const el = await mount({ community, perspective, endpoint: bucket.endpoint });
          expect(el.answers, `not the answers of ${perspective ?? 'no perspective'}`).to.deep.equal({});
          expect(el.submissionState).to.equal('idle');
          leave(el);
        }
        expect((await legacy(community))?.pending, 'left where it was').to.equal(envelope.id);

        const citizen = await mount({ community, perspective: 'citizen', endpoint: bucket.endpoint });
        expect(citizen.submissionState, 'shown waiting').to.equal('queued');
        expect(progressText(citizen)).to.equal('12 of 12 answered');
        expect((await kept(community, 'citizen'))?.pending, 'moved to its key').to.equal(envelope.id);
        expect(await legacy(community)).to.equal(undefined);
      } finally {
        await outbox.withdraw(envelope.id);
      }
    });

    it('with their submission delivered since: done, and deleted', async () => {
      const community = uniqueCommunity('legacy');
      const gone = crypto.randomUUID();
      await set(
        legacyAnswersKey(parts(community)),
        record({ trust: { value: '1', comment: '', evidence: '' } }, gone),
        db(),
      );
      const el = await mount({ community, perspective: 'citizen' });
      expect(el.answers).to.deep.equal({});
      expect(await legacy(community)).to.equal(undefined);
    });
  });

  describe('per respondent (a shared device: the host logs people in and out)', () => {
    const switchTo = async (el: LcAssessment, respondent: string) => {
      const community = el.closest<HTMLElement & { updateComplete: Promise<unknown> }>('lc-community')!;
      community.setAttribute('respondent', respondent);
      await community.updateComplete;
      await settle(el);
      await el.answersRestored;
      await settle(el);
    };

    it('switched without a reload: the next person starts blank, and each finds their own again', async () => {
      const community = uniqueCommunity('resp');
      const el = await mount({ community, perspective: 'citizen', respondent: 'alice' });
      await answer(el, 'trust', '3');
      await answer(el, 'inclusion', '1');
      await waitFor(async () => (await kept(community, 'citizen', 'alice'))?.answers['inclusion'], "alice's kept");

      await switchTo(el, 'bob');
      expect(el.answers, "nothing of alice's").to.deep.equal({});
      expect(progressText(el)).to.equal('0 of 12 answered');
      expect(announcement(el), 'no "welcome back"').to.equal('');
      await answer(el, 'trust', '0');
      await waitFor(async () => (await kept(community, 'citizen', 'bob'))?.answers['trust'], "bob's kept");

      await switchTo(el, 'alice');
      expect(el.answers['trust']?.value).to.equal('3');
      expect(el.answers['inclusion']?.value).to.equal('1');
      expect((await kept(community, 'citizen', 'bob'))!.answers['trust']!.value).to.equal('0');
      expect(await kept(community, 'citizen'), 'nothing under the key without a respondent').to.equal(undefined);
      leave(el);

      // Reloaded for bob: his answer, not alice's; then for alice: hers.
      const bob = await mount({ community, perspective: 'citizen', respondent: 'bob' });
      expect(bob.answers).to.deep.equal({ trust: { value: '0', comment: '', evidence: '' } });
      leave(bob);
      const alice = await mount({ community, perspective: 'citizen', respondent: 'alice' });
      expect(alice.answers['trust']?.value).to.equal('3');
      expect(alice.answers['inclusion']?.value).to.equal('1');
    });

    it('answers sent and taken back ("Change my answers") while waiting are not the next person\'s to change', async () => {
      const bucket = newBucket('resp');
      await setFaults(bucket.name, [{ status: 503, retryAfter: 600 }]);
      const community = uniqueCommunity('resp');
      const el = await mount({ community, respondent: 'alice', endpoint: bucket.endpoint });
      const sent: Envelope[] = [];
      el.addEventListener('lc-submit', (e) => sent.push((e as LcSubmitEvent).envelope));
      await sendAll(el, '2');
      await reach(el, 'queued');
      part(el, 'submit')!.click(); // "Change my answers": alice's answers editable, the next send replaces hers
      await reach(el, 'idle');
      await waitFor(async () => (await kept(community, undefined, 'alice'))?.replaces === sent[0]!.id, 'noted');

      await switchTo(el, 'bob');
      expect(el.answers, "nothing of alice's").to.deep.equal({});
      expect(part(el, 'submit')!.textContent!.trim()).to.equal('Send my answers');
      await sendAll(el, '4');
      await reach(el, 'sent');
      expect(sent[1]!.respondent).to.equal('bob');
      expect(sent[1]!.replaces, "bob's answers replace nothing of alice's").to.equal(undefined);
      const waiting = (await getOutbox('device').pending()).map((e) => e.id);
      expect(waiting, "alice's still waits").to.include(sent[0]!.id);

      await switchTo(el, 'alice');
      expect(progressText(el)).to.equal('12 of 12 answered');
      expect(el.answers['trust']?.value).to.equal('2');
      expect(el.submissionState, 'hers, being changed').to.equal('idle');
      leave(el);
      // Reloaded for bob: his were delivered, nothing of alice's is shown; then for alice: hers, being changed.
      const bob = await mount({ community, respondent: 'bob', endpoint: bucket.endpoint });
      expect(bob.answers).to.deep.equal({});
      expect(bob.submissionState).to.equal('idle');
      leave(bob);
      const alice = await mount({ community, respondent: 'alice', endpoint: bucket.endpoint });
      expect(alice.answers['trust']?.value).to.equal('2');
      expect(announcement(alice)).to.contain('you were changing the answers you sent');
      await getOutbox('device').withdraw(sent[0]!.id);
    });

    it('answers kept without the respondent: never shown to a respondent, left for the assessment without one', async () => {
      const community = uniqueCommunity('resp');
      const old = {
        v: 1 as const,
        savedAt: Date.now() - 60_000,
        answers: { trust: { value: '3' as const, comment: 'Whose?', evidence: '' } },
      };
      await set(answersKey(parts(community, 'citizen')), old, db());
      await set(legacyAnswersKey(parts(community)), old, db());
      const alice = await mount({ community, perspective: 'citizen', respondent: 'alice' });
      expect(alice.answers).to.deep.equal({});
      await answer(alice, 'inclusion', '1');
      await waitFor(async () => (await kept(community, 'citizen', 'alice'))?.answers['inclusion'], "alice's kept");
      leave(alice);
      expect(await kept(community, 'citizen'), 'left where it was').to.deep.equal(old);
      expect(await legacy(community), 'left where it was').to.deep.equal(old);
      const none = await mount({ community, perspective: 'citizen' });
      expect(none.answers['trust']?.comment).to.equal('Whose?');
      expect(none.answers['inclusion'], "nothing of alice's").to.equal(undefined);
    });

    it('answers kept without the respondent, their submission waiting for that respondent: taken up by theirs only', async () => {
      const bucket = newBucket('resp');
      await setFaults(bucket.name, [{ status: 503, retryAfter: 600 }]);
      const community = uniqueCommunity('resp');
      const envelope = createEnvelope(
        'assessment',
        {
          community,
          round: ROUND,
          perspective: 'citizen',
          respondent: 'alice',
          criteriaSet: { id: 'common-criteria', version: commonCriteriaEn.version },
          locale: 'en',
        },
        { answers: IDS.map((criterion) => ({ criterion, level: 2 })) },
      );
      const outbox = getOutbox('device');
      await outbox.submit(bucket.endpoint, envelope);
      const answers = Object.fromEntries(IDS.map((id) => [id, { value: '2' as const, comment: '', evidence: '' }]));
      const record = { v: 1 as const, savedAt: Date.now() - 60_000, pending: envelope.id, answers };
      await set(answersKey(parts(community, 'citizen')), record, db());
      try {
        const bob = await mount({ community, perspective: 'citizen', respondent: 'bob', endpoint: bucket.endpoint });
        expect(bob.answers).to.deep.equal({});
        expect(bob.submissionState).to.equal('idle');
        leave(bob);
        expect((await kept(community, 'citizen'))?.pending, 'left where it was').to.equal(envelope.id);

        const alice = await mount({
          community,
          perspective: 'citizen',
          respondent: 'alice',
          endpoint: bucket.endpoint,
        });
        expect(alice.submissionState, 'shown waiting').to.equal('queued');
        expect(progressText(alice)).to.equal('12 of 12 answered');
        expect((await kept(community, 'citizen', 'alice'))?.pending, 'moved to her key').to.equal(envelope.id);
        expect(await kept(community, 'citizen')).to.equal(undefined);
      } finally {
        await outbox.withdraw(envelope.id);
      }
    });
  });
});
