import { expect, fixture, html } from '@open-wc/testing';
import '../src/all.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { captureConsoleErrors, collectorState, newBucket, waitFor } from './support/helpers.js';

/** What the README's privacy section names, and nothing else. */
const DOCUMENTED_DATABASES = new Set(['lc-elements', 'lc-elements-drafts', 'lc-elements-assessment']);

async function databaseNames(): Promise<Set<string>> {
  return new Set((await indexedDB.databases()).map((d) => d.name!));
}

describe('privacy: nothing stored on the device beyond what the docs name', () => {
  it('every element, used with device storage, writes only to the documented IndexedDB databases', async () => {
    const before = await databaseNames();
    const { endpoint, name } = newBucket('privacy');
    const root = await fixture<LcCommunity>(
      html`<lc-community endpoint=${endpoint} community="p" round="r">
        <lc-criterion-card criterion="trust"><lc-self-rating></lc-self-rating></lc-criterion-card>
        <lc-reflection-journal criterion="trust"></lc-reflection-journal>
        <lc-partnership-matrix></lc-partnership-matrix>
        <lc-assessment></lc-assessment>
        <lc-results></lc-results>
      </lc-community>`,
    );
    const rating = root.querySelector<LcSelfRating>('lc-self-rating')!;
    await rating.updateComplete;
    rating.value = '3';
    await rating.updateComplete;
    await rating.submit();
    await waitFor(async () => (await collectorState(name)).records.length === 1, 'the rating to arrive');
    // Let the journal and the assessment open their stores too.
    const journal = root.querySelector('lc-reflection-journal')!;
    const title = await waitFor(
      () => journal.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"], input:not([type])'),
      'the journal form',
    );
    title.value = 'A draft';
    title.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 600));
    const after = await databaseNames();
    for (const db of after) {
      if (!before.has(db)) expect(DOCUMENTED_DATABASES.has(db), `undocumented database "${db}"`).to.be.true;
    }
    expect([...after].filter((db) => db.startsWith('lc-')).every((db) => DOCUMENTED_DATABASES.has(db))).to.be.true;
    expect(localStorage.length, 'localStorage').to.equal(0);
    expect(sessionStorage.length, 'sessionStorage').to.equal(0);
    expect(document.cookie, 'cookies').to.equal('');
  });

  it('storage="none" creates no database and writes no storage', async () => {
    const before = await databaseNames();
    const { endpoint, name } = newBucket('privacy-none');
    const root = await fixture<LcCommunity>(
      html`<lc-community endpoint=${endpoint} storage="none" community="p2" round="r">
        <lc-self-rating criterion="inclusion"></lc-self-rating>
      </lc-community>`,
    );
    const rating = root.querySelector<LcSelfRating>('lc-self-rating')!;
    await rating.updateComplete;
    rating.value = '1';
    await rating.updateComplete;
    await rating.submit();
    await waitFor(async () => (await collectorState(name)).records.length === 1, 'the rating to arrive');
    expect([...(await databaseNames())].filter((db) => !before.has(db))).to.deep.equal([]);
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });
});

describe('isolation: one broken element beside working ones', () => {
  it('a rating with a broken configuration does not stop its neighbours', async () => {
    const { endpoint, name } = newBucket('isolation');
    let root!: LcCommunity;
    const errors = await captureConsoleErrors(async () => {
      root = await fixture<LcCommunity>(
        html`<lc-community endpoint=${endpoint} community="i" round="r" storage="none">
          <lc-self-rating id="broken-criterion" criterion="no-such-criterion"></lc-self-rating>
          <lc-self-rating id="broken-endpoint" criterion="trust" endpoint="javascript:alert(1)"></lc-self-rating>
          <lc-criterion-card id="broken-card" criterion="trust" heading-level="9"></lc-criterion-card>
          <lc-results id="broken-results" src="/test/fixtures/does-not-exist.json"></lc-results>
          <lc-self-rating id="working" criterion="inclusion"></lc-self-rating>
        </lc-community>`,
      );
      await waitFor(
        () => root.querySelector('#broken-results')!.shadowRoot?.querySelector('[role="alert"]'),
        'the results error',
      );
    });
    for (const id of ['broken-criterion', 'broken-endpoint', 'broken-card']) {
      const el = root.querySelector(`#${id}`)!;
      expect(el.shadowRoot!.querySelector('[role="alert"]'), `${id} shows its error`).to.exist;
    }
    expect(errors.length).to.be.greaterThan(3);
    const working = root.querySelector<LcSelfRating>('#working')!;
    expect(working.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    working.value = '4';
    await working.updateComplete;
    await working.submit();
    await waitFor(async () => (await collectorState(name)).records.length === 1, 'the working rating to arrive');
    expect((await collectorState(name)).records[0]!['criterion']).to.equal('inclusion');
  });
});
