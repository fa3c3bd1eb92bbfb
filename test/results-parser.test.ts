// <lc-results> loads its results parser (and the schema library) only with the first results to
// read. Its own page: the parser must not have been loaded by another test yet.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/components/results/define.js';
import type { LcResults } from '../src/components/results/lc-results.js';
import type { Results } from '../src/core/results.js';
import { captureConsoleErrors, goOfflineFor, waitFor, waitForOnline } from './support/helpers.js';

const SPRING = '/test/fixtures/results-2026-spring.json';
const alerts = (el: LcResults) =>
  [...el.shadowRoot!.querySelectorAll('[role="alert"]')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim());
const loadedParser = () =>
  performance.getEntriesByType('resource').some((e) => /\/src\/components\/results\/load\.ts/.test(e.name));

describe('<lc-results> parser on demand', () => {
  let spring: Results;
  before(async () => {
    spring = await (await fetch(SPRING)).json();
    // Other test pages may have left the parser in the browser's HTTP cache.
    await executeServerCommand('lc-cache', { enabled: false });
  });
  after(() => executeServerCommand('lc-cache', { enabled: true }));

  it('shows a clear error when the parser cannot load, and reads the next results once it can', async () => {
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    expect(loadedParser(), 'not loaded before there are results').to.equal(false);
    let shownOffline: string[] = [];
    const errors = await captureConsoleErrors(async () => {
      await goOfflineFor(1500);
      el.results = spring;
      await el.updateComplete;
      shownOffline = alerts(el);
      // (Nothing is asserted until the page is online again: offline, it cannot report to the runner.)
      await waitForOnline();
    });
    expect(shownOffline.join(' ')).to.contain('the results could not be read: their parser did not load');
    expect(errors.some((e) => e.includes('<lc-results> results:') && e.includes('parser did not load'))).to.be.true;
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);

    el.results = { ...spring };
    await el.updateComplete;
    expect(alerts(el)).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('table.figures'), 'the results, read').to.exist;
  });

  it('reads results given as a property within updateComplete, and fetched ones as before', async () => {
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    el.results = { ...spring, generatedAt: 'yesterday' };
    await el.updateComplete;
    expect(alerts(el).join(' ')).to.contain('generatedAt');
    const fetched = await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en"></lc-results>`);
    await waitFor(() => fetched.shadowRoot!.querySelector('table.figures'), 'the fetched results');
  });
});
