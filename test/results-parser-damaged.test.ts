// <lc-results>'s parser file came damaged (another page served in its place, as JavaScript): the
// browser keeps its error for the page, so no try can load it until a reload. The element says so,
// and offers no "Try again" that would fail the same way, nor tries again when back online. (Its
// own page: the parser must not have been loaded, and its error stays with the page.)
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import '../src/components/results/define.js';
import type { LcResults } from '../src/components/results/lc-results.js';
import { captureConsoleErrors, waitFor } from './support/helpers.js';

const PARSER = '/src/components/results/load.ts';
const parserRequests = () => performance.getEntriesByType('resource').filter((e) => e.name.includes(PARSER)).length;

describe('<lc-results> with a damaged parser file', () => {
  before(() => executeServerCommand('lc-cache', { enabled: false }));
  after(async () => {
    await executeServerCommand('lc-fail-file', { clear: true });
    await executeServerCommand('lc-cache', { enabled: true });
  });

  it('says a reload is needed, and offers no "Try again"', async () => {
    await executeServerCommand('lc-fail-file', { match: PARSER, times: 1, damaged: true });
    let el!: LcResults;
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcResults>(
        html`<lc-results src="/test/fixtures/results-2026-spring.json" locale="en"></lc-results>`,
      );
      await waitFor(() => el.shadowRoot!.querySelector('[part~="error"]'), 'the error');
    });
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[part~="error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('may be damaged; reload the page');
    expect(el.shadowRoot!.querySelector('.retry'), 'no "Try again"').to.equal(null);
    expect(
      errors.some((e) => e.includes('<lc-results> src:') && e.includes('reload the page')),
      errors.join('\n'),
    ).to.be.true;
    await expect(el).to.be.accessible();
    // Back online, it does not try again either: the parser is asked for once.
    expect(parserRequests(), 'the parser, asked for').to.equal(1);
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(parserRequests(), 'not asked for again').to.equal(1);
    expect(el.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('reload the page');
  });
});
