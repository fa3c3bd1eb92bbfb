import { expect } from '@open-wc/testing';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import { waitFor } from './support/helpers.js';

// A card in a component's shadow root (a Lit or Stencil app), inside <lc-community locale="da">:
// until the community has read its own settings, the card takes the language it names, across the
// shadow root, and loads only the Danish criteria text, never the English one first.
describe('a card in a shadow root inside <lc-community locale>', () => {
  it('loads only the language the community names, even before the community has read it', async () => {
    const community = document.createElement('lc-community');
    community.setAttribute('locale', 'da');
    const app = document.createElement('div');
    const root = app.attachShadow({ mode: 'open' });
    const card = document.createElement('lc-criterion-card') as HTMLElement & { updateComplete: Promise<unknown> };
    card.setAttribute('criterion', 'trust');
    root.append(card);
    community.append(app);
    // The card connects in the same task as the community, before the community's first update.
    document.body.append(community);
    try {
      await waitFor(
        () => card.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim() === 'Tillid',
        'the Danish title',
      );
      const loaded = performance.getEntriesByType('resource').map((e) => e.name);
      expect(
        loaded.some((n) => /common-criteria\.da\./.test(n)),
        'the Danish text',
      ).to.be.true;
      expect(
        loaded.filter((n) => /common-criteria\.en\.(ts|js)/.test(n)),
        'not the English text',
      ).to.deep.equal([]);
    } finally {
      community.remove();
    }
  });
});
