// Between being defined and its first render (which waits for its strings and criteria: a second
// or more on a slow connection), an element shows what the page put inside it, as it did before
// it was defined: a placeholder, a notice, a card's rating. An empty shadow root would hide that
// content, and the page would shift twice (content gone, then the element drawn).
import { expect, fixtureCleanup } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/components/assessment/define.js';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/partnership-matrix/define.js';
import '../src/components/reflection-journal/define.js';
import '../src/components/results/define.js';
import '../src/components/self-rating/define.js';

const TAGS = [
  'lc-community',
  'lc-criterion-card',
  'lc-self-rating',
  'lc-partnership-matrix',
  'lc-reflection-journal',
  'lc-results',
  'lc-assessment',
];

/** `tag`, with a placeholder inside, in a Danish part of the page (its strings load on demand). */
function placed(tag: string): {
  element: HTMLElement & { updateComplete: Promise<unknown> };
  placeholder: HTMLElement;
} {
  const wrapper = document.createElement('div');
  wrapper.lang = 'da';
  const element = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  element.setAttribute('storage', 'none');
  element.setAttribute('criterion', 'trust');
  const placeholder = document.createElement('p');
  placeholder.textContent = 'Indlæser …';
  element.append(placeholder);
  wrapper.append(element);
  document.body.append(wrapper);
  return { element, placeholder };
}

describe('what an element shows until its first render', () => {
  afterEach(() => {
    fixtureCleanup();
    document.querySelectorAll('body > div[lang="da"]').forEach((d) => d.remove());
  });

  for (const tag of TAGS) {
    it(`<${tag}> shows the page's content inside it until it renders, then its own`, async () => {
      const { element, placeholder } = placed(tag);
      // Defined and connected, its shadow root attached: not rendered yet (its Danish strings load).
      expect(element.shadowRoot, 'shadow root').to.exist;
      expect((element as unknown as { hasUpdated: boolean }).hasUpdated).to.equal(false);
      expect(placeholder.checkVisibility(), 'the placeholder is on show').to.equal(true);
      expect(placeholder.assignedSlot, 'the placeholder is slotted').to.exist;
      const firstPaint = placeholder.assignedSlot!;
      await element.updateComplete;
      // Rendered: the slot that showed the content is gone, and the element's own markup is there.
      expect(firstPaint.isConnected, 'the first paint slot is removed').to.equal(false);
      expect(element.shadowRoot!.querySelector(':not(slot, style)'), 'rendered markup').to.exist;
    });
  }

  it('<lc-criterion-card> keeps a rating inside unseen, in its place, until the card renders', async () => {
    // The card waits for the criteria's English text, slow to come here; the rating has the titles
    // it shows built in, and renders first. Seen then, it would jump down under the criterion.
    await executeServerCommand('lc-fail-file', { match: '/criteria/common-criteria.en.ts', stallMs: 1500 });
    try {
      const wrapper = document.createElement('div');
      wrapper.lang = 'en';
      wrapper.innerHTML =
        '<lc-criterion-card criterion="trust"><lc-self-rating criterion="trust" storage="none"></lc-self-rating></lc-criterion-card>';
      document.body.append(wrapper);
      const card = wrapper.querySelector('lc-criterion-card') as HTMLElement & { updateComplete: Promise<unknown> };
      const rating = wrapper.querySelector('lc-self-rating') as HTMLElement & { updateComplete: Promise<unknown> };
      await rating.updateComplete;
      expect(rating.shadowRoot!.querySelector('[role="radiogroup"]'), 'the rating, rendered').to.exist;
      expect((card as unknown as { hasUpdated: boolean }).hasUpdated, 'the card, waiting').to.equal(false);
      expect(getComputedStyle(rating).visibility, 'the rating until then').to.equal('hidden');
      expect(rating.getBoundingClientRect().height, 'holding its place').to.be.greaterThan(100);
      await card.updateComplete;
      expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim()).to.equal('Trust');
      expect(getComputedStyle(rating).visibility, 'the rating, once the card is drawn').to.equal('visible');
      wrapper.remove();
    } finally {
      await executeServerCommand('lc-fail-file', { clear: true });
    }
  });

  it('<lc-criterion-card> leaves a rating drawn before the card was defined on show', async () => {
    // A card tag whose class comes later (the drop-in loader fetches each file on its own): the
    // rating inside is drawn first, and the person may be using it when the card's class comes.
    const wrapper = document.createElement('div');
    wrapper.innerHTML =
      '<lc-late-card criterion="trust"><lc-self-rating criterion="trust" storage="none"></lc-self-rating></lc-late-card>';
    document.body.append(wrapper);
    const rating = wrapper.querySelector('lc-self-rating') as HTMLElement & { updateComplete: Promise<unknown> };
    await rating.updateComplete;
    rating.shadowRoot!.querySelector<HTMLElement>('[role="radio"]')!.focus();
    const Card = customElements.get('lc-criterion-card')!;
    customElements.define('lc-late-card', class extends (Card as unknown as typeof HTMLElement) {});
    const card = wrapper.querySelector('lc-late-card') as HTMLElement & { hasUpdated: boolean };
    expect(card.hasUpdated, 'the card, not drawn yet').to.equal(false);
    expect(getComputedStyle(rating).visibility, 'the rating in use, still on show').to.equal('visible');
    expect(document.activeElement, 'the focus, still in it').to.equal(rating);
    wrapper.remove();
  });
});
