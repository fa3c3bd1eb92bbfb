import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/partnership-matrix/define.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import {
  captureConsoleErrors,
  collectorState,
  goOfflineFor,
  newBucket,
  release,
  setFaults,
  waitFor,
  waitForOnline,
} from './support/helpers.js';
import { $, $$, countChanges, focused, press, uid, addActor } from './partnership-matrix-support.js';

// `src` over a real, slow or failing network: the test server holds its answer back, fails it or
// stalls it (test/support/collector-plugin.js); nothing is stubbed.

const FILE = 'test/fixtures/partnerships-small.json';
const FILE_ACTORS = ['town', 'college', 'bank'];

/** A fresh URL for the fixture, whose answers the test controls through `bucket`. */
function served(prefix: string) {
  const bucket = newBucket(prefix);
  return { bucket: bucket.name, url: `/__lc/serve/${bucket.name}?file=${FILE}` };
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const status = (el: LcPartnershipMatrix) => $(el, '[part="src-status"]')!;
const alertText = (el: LcPartnershipMatrix) =>
  $$(el, '[part="error"][role="alert"]')
    .map((e) => text(e))
    .join(' ');
const retryButton = (el: LcPartnershipMatrix) => $<HTMLButtonElement>(el, '[part="error"] button.retry');
const button = (el: LcPartnershipMatrix, label: string) =>
  $$<HTMLButtonElement>(el, '[part~="src-offer"] button').find((b) => text(b) === label);

describe('<lc-partnership-matrix> src: loading', () => {
  it('says it is loading (a polite live region), not "no actors yet", until the map is in', async () => {
    const { bucket, url } = served('pm-loading');
    await setFaults(bucket, [{ hold: true }]);
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} layout="grid" src=${url}></lc-partnership-matrix>`,
    );
    await el.updateComplete;
    expect(status(el).getAttribute('role')).to.equal('status');
    expect(text(status(el))).to.equal('Loading the partnership map…');
    expect($(el, '[part="empty"]'), 'no "No actors yet" while the map loads').to.equal(null);
    await expect(el).to.be.accessible();
    const region = status(el);
    await release(bucket);
    await waitFor(() => el.actors.length === 3, 'the map');
    await el.updateComplete;
    expect(status(el), 'the same live region').to.equal(region);
    expect(text(status(el))).to.equal('');
    expect($$(el, '[role="gridcell"]')).to.have.length(9);
  });

  for (const [locale, loading] of [
    ['da', 'Henter partnerskabskortet…'],
    ['de', 'Die Partnerschaftskarte wird geladen…'],
    ['ar', 'جارٍ تحميل خريطة الشراكات…'],
  ] as const) {
    it(`says it is loading in ${locale}`, async () => {
      const { bucket, url } = served(`pm-loading-${locale}`);
      await setFaults(bucket, [{ hold: true }]);
      const el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix draft-key=${uid()} locale=${locale} src=${url}></lc-partnership-matrix>`,
      );
      await waitFor(() => text(status(el)) === loading, `"${loading}"`);
      expect($(el, '[part="empty"]')).to.equal(null);
      await expect(el).to.be.accessible();
      // Released once it is held at the server: a request still on its way (a loaded machine)
      // would miss the release and be held for good.
      await waitFor(async () => (await collectorState(bucket)).served === 1, 'the request at the server');
      await release(bucket);
      await waitFor(() => el.actors.length === 3, 'the map');
    });
  }

  it('loads again when it is put back in the page after being taken out while loading', async () => {
    const { bucket, url } = served('pm-moved');
    await setFaults(bucket, [{ hold: true }]);
    const parent = await fixture<HTMLDivElement>(
      html`<div><lc-partnership-matrix draft-key=${uid()} layout="grid" src=${url}></lc-partnership-matrix></div>`,
    );
    const el = parent.querySelector('lc-partnership-matrix')!;
    await el.updateComplete;
    expect(text(status(el))).to.equal('Loading the partnership map…');
    // Held at the server (not still on its way: taken out before it arrived, it would leave the hold
    // for the second request).
    await waitFor(async () => (await collectorState(bucket)).served === 1, 'the first request at the server');
    el.remove();
    parent.append(el);
    // The first request is still held: only a new one can bring the map.
    await waitFor(() => el.actors.length === 3, 'the map, loaded again');
    await el.updateComplete;
    expect(text(status(el))).to.equal('');
    await release(bucket);
  });
});

describe('<lc-partnership-matrix> src: nothing the person entered is lost', () => {
  it('keeps the actors the person added while the file loaded, and offers the file’s map', async () => {
    const { bucket, url } = served('pm-late');
    await setFaults(bucket, [{ hold: true }]);
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} layout="grid" src=${url}></lc-partnership-matrix>`,
    );
    const seen = countChanges(el);
    await addActor(el, 'Harbour Trust', 'civil-society-sport');
    await addActor(el, 'City College', 'education');
    const mine = el.actors;
    expect(mine.map((a) => a.name)).to.deep.equal(['Harbour Trust', 'City College']);
    // The person rates their pair, from the keyboard.
    await waitFor(() => $$(el, '[role="gridcell"]').length === 4, 'the grid');
    $$<HTMLElement>(el, '[role="gridcell"]')[1]!.focus();
    await press('4');
    expect(el.ties).to.deep.equal([{ source: 'harbour-trust', target: 'city-college', level: 4, independent: false }]);
    expect(seen.change).to.equal(3);

    await release(bucket);
    const offer = await waitFor(() => $(el, '[part~="src-offer"]'), 'the offer of the file’s map');
    await el.updateComplete;
    expect(el.actors, 'the person’s map as it was').to.deep.equal(mine);
    expect(el.ties).to.have.length(1);
    expect(seen.change, 'loading is not a change of the person').to.equal(3);
    // Said in the live region that was there all along, and shown with what the person can do.
    expect(offer.contains(status(el))).to.be.true;
    expect(status(el).getAttribute('role')).to.equal('status');
    expect(text(status(el))).to.equal(
      'The partnership map from the file arrived after you had started your own, so yours is kept as it is. The file has 3 actors.',
    );
    expect($$(el, '[part~="src-offer"] button').map(text)).to.deep.equal([
      'Add the file’s actors to mine',
      'Use the file’s map instead',
      'Keep only mine',
    ]);
    await expect(el).to.be.accessible();

    // Both: the person's actors, then the file's; "City College" is one actor, and the person's rating stays.
    button(el, 'Add the file’s actors to mine')!.click();
    await el.updateComplete;
    expect(el.actors.map((a) => a.id)).to.deep.equal(['harbour-trust', 'city-college', 'town', 'bank']);
    expect(el.ties).to.deep.equal([
      { source: 'harbour-trust', target: 'city-college', level: 4, independent: false },
      { source: 'city-college', target: 'town', level: 3, independent: false },
      { source: 'city-college', target: 'bank', level: 2, independent: true },
    ]);
    expect(seen.change).to.equal(4);
    expect(text(status(el))).to.equal(
      'The file’s actors and ties were added to your map. Where you and the file both rated a pair, your rating was kept.',
    );
    await waitFor(() => focused(el)?.id === 'src-undo', 'the focus on Undo');
    expect(text(focused(el))).to.equal('Undo');
    await expect(el).to.be.accessible();

    await press('Enter');
    await el.updateComplete;
    expect(el.actors, 'Undo: the person’s map again').to.deep.equal(mine);
    expect(el.ties).to.have.length(1);
    expect(text(status(el))).to.match(/^Your own map is back\. The partnership map from the file arrived/);
    await waitFor(() => focused(el)?.id === 'src-merge', 'the focus on the offer again');

    button(el, 'Use the file’s map instead')!.click();
    await el.updateComplete;
    expect(el.actors.map((a) => a.id)).to.deep.equal(FILE_ACTORS);
    expect(text(status(el))).to.equal('Your map was replaced by the file’s.');
    button(el, 'Undo')!.click();
    await el.updateComplete;
    expect(el.actors, 'Undo: the person’s map again').to.deep.equal(mine);

    button(el, 'Keep only mine')!.click();
    await el.updateComplete;
    expect($(el, '[part~="src-offer"]')).to.equal(null);
    expect(el.actors).to.deep.equal(mine);
    await waitFor(() => focused(el)?.id === 'title', 'the focus on the heading');
    expect(text(status(el))).to.equal('');
  });

  it('after the file’s map is taken, a new edit ends its Undo, and the file’s map stays', async () => {
    const { bucket, url } = served('pm-late-edit');
    await setFaults(bucket, [{ hold: true }]);
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} src=${url}></lc-partnership-matrix>`,
    );
    await addActor(el, 'Harbour Trust', 'civil-society-sport');
    await release(bucket);
    await waitFor(() => button(el, 'Use the file’s map instead'), 'the offer');
    button(el, 'Use the file’s map instead')!.click();
    await el.updateComplete;
    expect(el.actors.map((a) => a.id)).to.deep.equal(FILE_ACTORS);
    await addActor(el, 'Choir', 'culture');
    expect($(el, '[part~="src-offer"]'), 'no Undo that would take the choir back too').to.equal(null);
    expect(el.actors.map((a) => a.id)).to.deep.equal([...FILE_ACTORS, 'choir']);
  });

  it('loads the file’s map when the person has changed nothing, or taken back all they added', async () => {
    const { bucket, url } = served('pm-late-empty');
    await setFaults(bucket, [{ hold: true }]);
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} src=${url}></lc-partnership-matrix>`,
    );
    await addActor(el, 'Harbour Trust', 'civil-society-sport');
    $<HTMLButtonElement>(el, '.actor-list button[data-kind="remove"]')!.click();
    await el.updateComplete;
    expect(el.actors).to.have.length(0);
    expect(text(status(el)), 'still loading').to.equal('Loading the partnership map…');
    expect($(el, '[part="empty"]')).to.equal(null);
    await release(bucket);
    await waitFor(() => el.actors.length === 3, 'the file’s map');
    expect($(el, '[part~="src-offer"]')).to.equal(null);
  });
});

describe('<lc-partnership-matrix> src: failures', () => {
  it('says the map could not be loaded (not a configuration problem), with "Try again"', async () => {
    const { bucket, url } = served('pm-503');
    // The second answer is slow: the focus can be seen waiting while it loads.
    await setFaults(bucket, [{ status: 503 }, { status: 500, stallMs: 1000 }]);
    let el!: LcPartnershipMatrix;
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix draft-key=${uid()} layout="grid" src=${url}></lc-partnership-matrix>`,
      );
      await waitFor(() => retryButton(el), 'the failed load');
    });
    expect(alertText(el)).to.equal(`The partnership map could not be loaded: ${url} answered HTTP 503 Try again`);
    expect(alertText(el)).to.not.contain('Configuration problem');
    expect(errors.some((e) => e.includes('<lc-partnership-matrix> src:') && e.includes('HTTP 503'))).to.be.true;
    expect(text(status(el))).to.equal('');
    await expect(el).to.be.accessible();

    // Pressed, "Try again" goes while the map loads: the focus waits on the heading, then goes to the new one.
    retryButton(el)!.focus();
    await captureConsoleErrors(async () => {
      await press('Enter');
      await el.updateComplete;
      expect(focused(el)?.id).to.equal('title');
      await waitFor(() => alertText(el).includes('HTTP 500'), 'the second failure');
    });
    await waitFor(() => focused(el)?.classList.contains('retry'), 'the focus on the new "Try again"');
    await press('Enter');
    await waitFor(() => el.actors.length === 3, 'the map');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(focused(el)?.id).to.equal('title');
    await waitFor(() => text(status(el)) === 'The partnership map is loaded.', 'the announcement');
  });

  it('says so in the element’s language, the server’s problem marked as English', async () => {
    const { bucket, url } = served('pm-503-de');
    await setFaults(bucket, [{ status: 503 }]);
    let el!: LcPartnershipMatrix;
    await captureConsoleErrors(async () => {
      el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix draft-key=${uid()} locale="de" src=${url}></lc-partnership-matrix>`,
      );
      await waitFor(() => retryButton(el), 'the failed load');
    });
    expect(alertText(el)).to.equal(
      `Die Partnerschaftskarte konnte nicht geladen werden: ${url} answered HTTP 503 Erneut versuchen`,
    );
    expect(text($(el, '[part="error"] [lang="en"]'))).to.equal(`${url} answered HTTP 503`);
    await expect(el).to.be.accessible();
  });

  it('tries again on its own when the browser comes back online', async () => {
    const { url } = served('pm-offline');
    await goOfflineFor(1500);
    let el!: LcPartnershipMatrix;
    await captureConsoleErrors(async () => {
      el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix draft-key=${uid()} layout="grid" src=${url}></lc-partnership-matrix>`,
      );
      await waitFor(() => retryButton(el), 'the failed load');
    });
    expect(alertText(el)).to.match(/^The partnership map could not be loaded: .* could not be fetched/);
    await waitForOnline();
    await waitFor(() => el.actors.length === 3, 'the map, once back online');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
  });

  it('gives up on a server that does not answer, after 30 s, and offers "Try again"', async function () {
    this.timeout(60_000);
    const { bucket, url } = served('pm-stall');
    await setFaults(bucket, [{ hold: true }]);
    let el!: LcPartnershipMatrix;
    const started = performance.now();
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix draft-key=${uid()} src=${url}></lc-partnership-matrix>`,
      );
      await waitFor(() => retryButton(el), 'the load to give up', 40_000);
    });
    expect(performance.now() - started).to.be.within(29_000, 40_000);
    expect(alertText(el)).to.equal(
      `The partnership map could not be loaded: ${url} did not answer within 30 s Try again`,
    );
    expect(errors.some((e) => e.includes('did not answer within 30 s'))).to.be.true;
    expect(text(status(el))).to.equal('');
    await release(bucket);
    retryButton(el)!.click();
    await waitFor(() => el.actors.length === 3, 'the map');
  });

  it('lists the problems of a file that is not a map, in the element’s language', async () => {
    let el!: LcPartnershipMatrix;
    await captureConsoleErrors(async () => {
      el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix
          draft-key=${uid()}
          locale="da"
          src="/test/fixtures/partnerships-bad.json"
        ></lc-partnership-matrix>`,
      );
      await waitFor(() => retryButton(el), 'the failed load');
    });
    const alert = alertText(el);
    expect(alert).to.contain(
      'Partnerskabskortet på /test/fixtures/partnerships-bad.json kunne ikke hentes: det har fejl.',
    );
    expect(alert).to.contain('ties[0].target: der er ingen aktør “harbour”.');
    expect(alert).to.not.contain('Fejl i opsætningen');
    await expect(el).to.be.accessible();
  });
});
