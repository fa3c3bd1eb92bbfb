// A page that sets no `round` sends to the current year's. What the elements keep on the device
// (the assessment's answers, the journal's draft, the matrix's map) is keyed by the round the host
// set, not by that year: work kept on 31 December is still there on 2 January, and a render after
// midnight does not swap the draft shown for an empty one. The page's clock is moved as a
// device's is at New Year; real IndexedDB.
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/assessment/define.js';
import '../src/components/community/define.js';
import '../src/components/partnership-matrix/define.js';
import '../src/components/reflection-journal/define.js';
import '../src/components/self-rating/define.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { createStore, set } from 'idb-keyval';
import { ANSWERS_DB, ANSWERS_STORE, getAnswersStore } from '../src/components/assessment/answers-store.js';
import { emptyDraft, getDraftStore } from '../src/components/reflection-journal/drafts.js';
import { getOutbox } from '../src/core/outbox.js';
import { answer, IDS, part, progressText, settle } from './support/assessment.js';
import { collectorState, counted, newBucket, setFaults, waitFor } from './support/helpers.js';
import { addActor } from './partnership-matrix-support.js';

const RealDate = globalThis.Date;
/** The page's clock from now on: `at` (local time), running on from there as the real one does. */
function setClock(at: InstanceType<typeof RealDate>): void {
  const offset = at.getTime() - RealDate.now();
  class MovedDate extends RealDate {
    constructor(...args: unknown[]) {
      super(...((args.length ? args : [RealDate.now() + offset]) as [number]));
    }
    static override now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = MovedDate as DateConstructor;
}
// 22:00 on New Year's Eve and 10:00 two days later, in the device's own time zone.
const EVE = new RealDate(2026, 11, 31, 22, 0);
const AFTER = new RealDate(2027, 0, 2, 10, 0);
const uid = () => Math.random().toString(36).slice(2, 10);

async function mountIn<T extends HTMLElement>(
  community: string,
  inner: ReturnType<typeof html>,
  tag: string,
  { round, endpoint }: { round?: string; endpoint?: string } = {},
) {
  // No `round` unless given: the envelopes say the current year's.
  const root = await fixture(
    html`<lc-community community=${community} round=${ifDefined(round)} storage="device" endpoint=${ifDefined(endpoint)}
      >${inner}</lc-community
    >`,
  );
  const el = root.querySelector(tag) as T & { updateComplete: Promise<boolean> };
  await el.updateComplete;
  return el;
}

describe('what is kept on the device when the host sets no round, across New Year', () => {
  afterEach(() => {
    globalThis.Date = RealDate;
  });

  it('<lc-reflection-journal>: the draft of 31 December is restored on 2 January, and stays on screen past midnight', async () => {
    const community = `ny-${uid()}`;
    setClock(EVE);
    const journal = () =>
      mountIn<LcReflectionJournal>(
        community,
        html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`,
        'lc-reflection-journal',
      );
    const field = (el: LcReflectionJournal) => el.shadowRoot!.querySelector<HTMLInputElement>('#title')!;
    const first = await journal();
    field(first).focus();
    await sendKeys({ type: 'Budget evening' });
    const key = `draft:${community}/-/trust`;
    await waitFor(
      async () => ((await getDraftStore('device').get(key)) as { draft?: { title?: string } })?.draft?.title,
      'the draft to be kept under the key without a round',
    );
    first.closest('lc-community')!.remove();

    // The same evening, a reload: the draft is shown (not typed in since)...
    const again = await journal();
    await waitFor(() => field(again).value === 'Budget evening', 'the draft restored on the evening');
    // ...and midnight passes, into the next year: a render then keeps it.
    setClock(new RealDate(2027, 0, 1, 0, 5));
    again.requestUpdate();
    await again.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    await again.updateComplete;
    expect(field(again).value).to.equal('Budget evening');
    again.closest('lc-community')!.remove();

    setClock(AFTER);
    const later = await journal();
    await waitFor(() => field(later).value === 'Budget evening', 'the draft restored on 2 January');
  });

  it('<lc-assessment>: the answers of 31 December are restored on 2 January', async () => {
    await getOutbox('device').pending();
    const community = `ny-${uid()}`;
    setClock(EVE);
    const assessment = async () => {
      const el = await mountIn<LcAssessment>(community, html`<lc-assessment></lc-assessment>`, 'lc-assessment');
      await el.answersRestored;
      await settle(el);
      return el;
    };
    const first = await assessment();
    await answer(first, IDS[0]!, '2');
    await answer(first, IDS[1]!, '3');
    expect(progressText(first)).to.match(/^2 of 12/);
    await new Promise((r) => setTimeout(r, 600));
    first.closest('lc-community')!.remove();

    setClock(AFTER);
    const later = await assessment();
    expect(progressText(later)).to.match(/^2 of 12/);
    expect(later.answers[IDS[1]!]?.value).to.equal('3');
  });

  it('<lc-partnership-matrix>: the map of 31 December is restored on 2 January', async () => {
    const community = `ny-${uid()}`;
    setClock(EVE);
    const matrix = () =>
      mountIn<LcPartnershipMatrix>(
        community,
        html`<lc-partnership-matrix></lc-partnership-matrix>`,
        'lc-partnership-matrix',
      );
    const first = await matrix();
    await addActor(first, 'Town hall', 'public-authority');
    expect(first.actors.map((a) => a.name)).to.deep.equal(['Town hall']);
    const key = `matrix:${community}/`;
    await waitFor(
      async () => ((await getDraftStore('device').get(key)) as { map?: { actors?: unknown[] } })?.map?.actors?.length,
      'the map to be kept under the key without a round',
    );
    first.closest('lc-community')!.remove();

    setClock(AFTER);
    const later = await matrix();
    await waitFor(() => later.actors.length === 1, 'the map restored on 2 January');
    expect(later.actors.map((a) => a.name)).to.deep.equal(['Town hall']);
  });

  it('<lc-partnership-matrix>: a map sent on 31 December, still on its way, is shown so on 2 January, and arrives', async () => {
    const community = `ny-${uid()}`;
    const { name, endpoint } = newBucket('ny-map');
    await setFaults(name, [{ status: 503, retryAfter: 600 }]);
    setClock(EVE);
    const matrix = async () => {
      const root = await fixture(
        html`<lc-community community=${community} storage="device" endpoint=${endpoint}
          ><lc-partnership-matrix></lc-partnership-matrix
        ></lc-community>`,
      );
      const el = root.querySelector('lc-partnership-matrix')!;
      await el.updateComplete;
      return el;
    };
    const first = await matrix();
    await addActor(first, 'Town hall', 'public-authority');
    await addActor(first, 'Sport club', 'civil-society-sport');
    first.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitFor(() => first.submissionState === 'queued', 'the map queued (the server busy)');
    first.closest('lc-community')!.remove();

    setClock(AFTER);
    const later = await matrix();
    await waitFor(() => later.actors.length === 2, 'the map sent before New Year, shown');
    expect(later.submissionState).to.equal('queued');
    const note = (await getDraftStore('device').get(`matrix:${community}/`)) as { pending?: string } | undefined;
    expect(note?.pending, 'the note of it kept').to.be.a('string');
    // Delivered when the server takes it (the element was told to try now), once.
    await setFaults(name, []);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => later.submissionState === 'sent', 'the map delivered', 15_000);
    expect((await collectorState(name)).records).to.have.length(1);
  });

  it('<lc-self-rating>: an answer sent on 31 December, still on its way, is shown so on 2 January; not under a round set', async () => {
    const community = `ny-${uid()}`;
    const { name, endpoint } = newBucket('ny-rating');
    await setFaults(name, [{ status: 503, retryAfter: 600 }]);
    setClock(EVE);
    const rating = async (round?: string) => {
      const root = await fixture(
        round
          ? html`<lc-community community=${community} round=${round} storage="device" endpoint=${endpoint}
              ><lc-self-rating criterion="trust"></lc-self-rating
            ></lc-community>`
          : html`<lc-community community=${community} storage="device" endpoint=${endpoint}
              ><lc-self-rating criterion="trust"></lc-self-rating
            ></lc-community>`,
      );
      const el = root.querySelector<LcSelfRating>('lc-self-rating')!;
      await waitFor(() => el.shadowRoot?.querySelector('[role="radio"]'), 'the rating');
      return el;
    };
    const first = await rating();
    first.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[3]!.click();
    first.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!.click();
    await waitFor(() => first.submissionState === 'queued', 'the answer queued (the server busy)');
    const sent = (await getOutbox('device').pending()).find((e) => e.envelope.community === community)!;
    expect(sent.envelope.round).to.equal('2026');
    first.closest('lc-community')!.remove();

    setClock(AFTER);
    // A page that sets a round asks that round's question: the answer of 2026 is not its own.
    const other = await rating('2027');
    await new Promise((r) => setTimeout(r, 300));
    expect(other.submissionState).to.equal('idle');
    expect(other.value).to.equal('');
    other.closest('lc-community')!.remove();

    const later = await rating();
    await waitFor(() => later.submissionState === 'queued', `the answer shown on its way (${later.submissionState})`);
    expect(later.value).to.equal('3');
    await setFaults(name, []);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => later.submissionState === 'sent', 'the answer delivered', 15_000);
    expect((await collectorState(name)).records).to.have.length(1);
  });

  it('takes up what an earlier build kept under the year a round defaulted to', async () => {
    await getOutbox('device').pending();
    const community = `ny-${uid()}`;
    const year = new Date().getFullYear();
    const savedAt = Date.now();
    // As an earlier build wrote it: no `hostRound` (this build's writes carry it).
    await set(
      `${community}/${year}/common-criteria/`,
      { v: 1, savedAt, answers: { [IDS[2]!]: { value: '4', comment: 'kept', evidence: '' } } },
      createStore(ANSWERS_DB, ANSWERS_STORE),
    );
    await getDraftStore('device').set(`draft:${community}/${year}/trust`, {
      v: 1,
      savedAt,
      draft: { ...emptyDraft('2026-11-30', ['trust']), title: 'Kept by the earlier build' },
    });
    await getDraftStore('device').set(`matrix:${community}/${year}`, {
      v: 1,
      savedAt,
      map: { directed: false, actors: [{ id: 'a', name: 'Library', sector: 'culture' }], ties: [] },
    });

    const assessment = await mountIn<LcAssessment>(community, html`<lc-assessment></lc-assessment>`, 'lc-assessment');
    await assessment.answersRestored;
    await settle(assessment);
    expect(assessment.answers[IDS[2]!]).to.deep.equal({ value: '4', comment: 'kept', evidence: '' });
    expect(await getAnswersStore('device').read(`${community}/${year}/common-criteria/`), 'moved').to.equal(undefined);
    expect((await getAnswersStore('device').read(`${community}//common-criteria/`))?.answers[IDS[2]!]?.value).to.equal(
      '4',
    );

    const journal = await mountIn<LcReflectionJournal>(
      `${community}`,
      html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`,
      'lc-reflection-journal',
    );
    await waitFor(
      () => journal.shadowRoot!.querySelector<HTMLInputElement>('#title')!.value === 'Kept by the earlier build',
      'the draft taken up',
    );
    expect(await getDraftStore('device').get(`draft:${community}/${year}/trust`), 'moved').to.equal(undefined);

    const matrix = await mountIn<LcPartnershipMatrix>(
      community,
      html`<lc-partnership-matrix></lc-partnership-matrix>`,
      'lc-partnership-matrix',
    );
    await waitFor(() => matrix.actors.length === 1, 'the map taken up');
    expect(matrix.actors[0]!.name).to.equal('Library');
    expect(await getDraftStore('device').get(`matrix:${community}/${year}`), 'moved').to.equal(undefined);
  });
  describe('a page that sets this year as its round, beside one of the community that sets none', () => {
    // Both send to this year's round, but each keeps its own work: keyed by the round the host set.
    // An earlier build's work under the year is taken up by the page without a round (above); this
    // build's, kept by the page whose round is that year under the same key, never is.
    const year = () => String(new Date().getFullYear());
    const journalField = (el: LcReflectionJournal) => el.shadowRoot!.querySelector<HTMLInputElement>('#title')!;
    const mountAll = async (community: string, round?: string) => ({
      assessment: await mountIn<LcAssessment>(community, html`<lc-assessment></lc-assessment>`, 'lc-assessment', {
        ...(round ? { round } : {}),
      }),
      journal: await mountIn<LcReflectionJournal>(
        community,
        html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`,
        'lc-reflection-journal',
        { ...(round ? { round } : {}) },
      ),
      matrix: await mountIn<LcPartnershipMatrix>(
        community,
        html`<lc-partnership-matrix></lc-partnership-matrix>`,
        'lc-partnership-matrix',
        { ...(round ? { round } : {}) },
      ),
    });
    const leave = (els: object) =>
      Object.values(els).forEach((el: HTMLElement) => el.closest('lc-community')!.remove());

    it('its answers, draft and map stay its own: the page without a round starts blank', async () => {
      await getOutbox('device').pending();
      const community = `ny-${uid()}`;
      const store = getDraftStore('device');
      const first = await mountAll(community, year());
      await first.assessment.answersRestored;
      await settle(first.assessment);
      await answer(first.assessment, IDS[0]!, '3');
      journalField(first.journal).focus();
      await sendKeys({ type: 'Written for this year' });
      await addActor(first.matrix, 'Year Club', 'civil-society-sport');
      const answers = `${community}/${year()}/common-criteria/`;
      await waitFor(async () => (await getAnswersStore('device').read(answers))?.answers[IDS[0]!], 'the answer kept');
      await waitFor(
        async () =>
          ((await store.get(`draft:${community}/${year()}/trust`)) as { draft?: { title?: string } })?.draft?.title,
        'the draft kept',
      );
      await waitFor(
        async () =>
          ((await store.get(`matrix:${community}/${year()}`)) as { map?: { actors?: unknown[] } })?.map?.actors?.length,
        'the map kept',
      );
      leave(first);

      const none = await mountAll(community);
      await none.assessment.answersRestored;
      await settle(none.assessment);
      await new Promise((r) => setTimeout(r, 300));
      const shown = (els: typeof none) => ({
        answers: els.assessment.answers,
        title: journalField(els.journal).value,
        actors: els.matrix.actors.map((a) => a.name),
      });
      expect(shown(none), "nothing of the round's page").to.deep.equal({ answers: {}, title: '', actors: [] });
      leave(none);

      const back = await mountAll(community, year());
      await back.assessment.answersRestored;
      await settle(back.assessment);
      expect(back.assessment.answers[IDS[0]!]?.value).to.equal('3');
      await waitFor(() => journalField(back.journal).value === 'Written for this year', 'the draft, still its own');
      await waitFor(() => back.matrix.actors.length === 1, 'the map, still its own');
      expect(back.matrix.actors[0]!.name).to.equal('Year Club');
      for (const key of [`${community}//common-criteria/`, `draft:${community}/-/trust`, `matrix:${community}/`]) {
        expect(await getDraftStore('device').get(key), key).to.equal(undefined);
      }
      expect(await getAnswersStore('device').read(`${community}//common-criteria/`)).to.equal(undefined);
    });

    it('answers taken back to be changed ("Change my answers") still replace the ones sent: counted once', async () => {
      await getOutbox('device').pending();
      const community = `ny-${uid()}`;
      const { name, endpoint } = newBucket('ny-change');
      const assessment = async (round?: string) => {
        const el = await mountIn<LcAssessment>(community, html`<lc-assessment></lc-assessment>`, 'lc-assessment', {
          endpoint,
          ...(round ? { round } : {}),
        });
        await el.answersRestored;
        await settle(el);
        return el;
      };
      const send = async (el: LcAssessment) => {
        el.goTo('review');
        await settle(el);
        part(el, 'submit')!.click();
        await waitFor(() => el.submissionState === 'sent', `sent (still "${el.submissionState}")`, 15_000);
        await settle(el);
      };
      const first = await assessment(year());
      for (const id of IDS) await answer(first, id, '2');
      await send(first);
      part(first, 'submit')!.click(); // "Change my answers"
      await waitFor(() => first.submissionState === 'idle', 'the answers taken back');
      const key = `${community}/${year()}/common-criteria/`;
      await waitFor(async () => (await getAnswersStore('device').read(key))?.replaces, 'what they replace, kept');
      first.closest('lc-community')!.remove();

      const none = await assessment();
      expect(none.answers, "nothing of the round's page").to.deep.equal({});
      none.closest('lc-community')!.remove();

      const back = await assessment(year());
      expect(progressText(back)).to.match(/^12 of 12/);
      await answer(back, IDS[0]!, '4');
      await send(back);
      const { records } = await collectorState(name);
      expect(records).to.have.length(2);
      expect(records[1]!['replaces'], 'the second replaces the first').to.equal(records[0]!.id);
      expect(counted(records), 'counted once').to.have.length(1);
    });
  });
});
