// A card inside an <lc-community> whose script comes after the card's (the drop-in loader fetches
// each element's file on its own, in any order): its first render waits for the community and the
// criteria text it asks for, within the same few seconds as any content. Drawn before, it showed
// "loading" and then the criterion in full, moving its rating and what follows down the page (a
// layout shift, 0.14 on the demo's assessment page); its rating is held unseen in its place
// meanwhile. (Its own page: <lc-community> is not defined here until the test defines it.)
import { expect, fixtureCleanup } from '@open-wc/testing';
import '../src/components/criterion-card/define.js';
import '../src/components/self-rating/define.js';
import type { LcCriterionCard } from '../src/components/criterion-card/lc-criterion-card.js';
import { waitFor } from './support/helpers.js';

describe('a card whose <lc-community> is defined after it', () => {
  after(() => fixtureCleanup());

  it('renders once, with its criterion in full, when its community has come', async () => {
    expect(customElements.get('lc-community')).to.equal(undefined);
    const host = document.createElement('div');
    host.innerHTML =
      '<lc-community locale="en" storage="none"><lc-criterion-card criterion="trust"><lc-self-rating></lc-self-rating></lc-criterion-card></lc-community>';
    const card = host.querySelector<LcCriterionCard>('lc-criterion-card')!;
    const rating = host.querySelector('lc-self-rating')!;
    // Every state the card's shadow root showed, as it changed.
    const shown: string[] = [];
    const watch = new MutationObserver(() => {
      const parts = [...card.shadowRoot!.querySelectorAll('[part]')].map((p) => p.getAttribute('part'));
      shown.push(parts.join(' '));
    });
    document.body.append(host);
    watch.observe(card.shadowRoot!, { childList: true, subtree: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(card.hasUpdated, 'waiting for its community').to.equal(false);
    expect(getComputedStyle(rating).visibility, 'its rating, in its place, unseen').to.equal('hidden');
    await import('../src/components/community/define.js');
    await waitFor(() => card.hasUpdated, 'the first render');
    await card.updateComplete;
    watch.disconnect();
    expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim()).to.equal('Trust');
    expect(card.shadowRoot!.querySelector('[part~="why"]'), 'the criterion in full').to.exist;
    expect(
      shown.filter((s) => s.includes('loading')),
      'never drawn loading',
    ).to.deep.equal([]);
    expect(getComputedStyle(rating).visibility).to.equal('visible');
    host.remove();
  });
});
