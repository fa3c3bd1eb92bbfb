// An element inside an <lc-community> whose script has not run yet (the drop-in loader fetches
// each element's file on its own, in any order): it waits for the community's criteria set,
// rather than checking its criterion against the built-in set and reporting it unknown. A page
// that never defines <lc-community> is told so in the console. (Its own page: <lc-community> is
// not defined here until the test defines it.)
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/criterion-card/define.js';
import '../src/components/self-rating/define.js';
import type { LcCriterionCard } from '../src/components/criterion-card/lc-criterion-card.js';
import { captureConsoleErrors, waitFor } from './support/helpers.js';

describe('an element whose <lc-community> is defined later', () => {
  it('waits for the community’s own criteria, says nothing is wrong, and warns if it never comes', async () => {
    expect(customElements.get('lc-community')).to.equal(undefined);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    let card!: LcCriterionCard;
    let seenAlerts: string[] = [];
    const errors = await captureConsoleErrors(async () => {
      try {
        const community = await fixture<HTMLElement>(
          html`<lc-community criteria="/test/fixtures/criteria-small.json" locale="en"
            ><lc-criterion-card criterion="listening"><lc-self-rating></lc-self-rating></lc-criterion-card
          ></lc-community>`,
        );
        card = community.querySelector('lc-criterion-card')!;
        await card.updateComplete;
        // "listening" is not a built-in criterion: before, the card said so until the community came.
        const alerts = () =>
          [card, community.querySelector('lc-self-rating')!].flatMap((el) =>
            [...el.shadowRoot!.querySelectorAll('[role="alert"]')].map((a) => a.textContent!.trim()),
          );
        seenAlerts = alerts();
        expect(card.shadowRoot!.querySelector('[part="loading"]'), 'waiting for the criteria').to.exist;
        // Never defined, the console says what is missing (once).
        await waitFor(() => warnings.length, 'the warning', 8000);
        seenAlerts.push(...alerts());
        await import('../src/components/community/define.js');
        await waitFor(() => card.shadowRoot!.querySelector('[part="title"]'), 'the community’s criterion');
      } finally {
        console.warn = warn;
      }
    });
    expect(seenAlerts, 'no alert while waiting').to.deep.equal([]);
    expect(errors, 'no console error while waiting').to.deep.equal([]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(
      /<lc-(criterion-card|self-rating)> waits for its <lc-community>, which is not defined/,
    );
    expect(card.shadowRoot!.querySelector('[part="title"]')!.textContent!.trim()).to.not.equal('');
    await expect(card).to.be.accessible();
  });
});
