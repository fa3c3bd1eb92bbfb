import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/assessment/define.js';
import '../src/components/community/define.js';
import '../src/components/partnership-matrix/define.js';
import '../src/components/reflection-journal/define.js';
import '../src/components/self-rating/define.js';

/** The shadow host of the root `node` is in, if any. */
const hostOf = (node: Element) => (node.getRootNode() as Partial<ShadowRoot>).host ?? null;

// A live region that is not in the accessibility tree when its first message arrives is not
// announced (it appears together with its text): every element's regions are rendered, empty,
// from the start. (WCAG 4.1.3)
describe('live regions are in the accessibility tree before their first message', () => {
  for (const tag of ['lc-partnership-matrix', 'lc-assessment', 'lc-reflection-journal', 'lc-self-rating']) {
    it(tag, async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<lc-community community="live-regions" round="r1" storage="none" endpoint="/collect/live-regions">
          ${tag === 'lc-partnership-matrix' ? html`<lc-partnership-matrix></lc-partnership-matrix>` : ''}
          ${tag === 'lc-assessment' ? html`<lc-assessment></lc-assessment>` : ''}
          ${tag === 'lc-reflection-journal' ? html`<lc-reflection-journal draft-key="live"></lc-reflection-journal>` : ''}
          ${tag === 'lc-self-rating' ? html`<lc-self-rating criterion="trust"></lc-self-rating>` : ''}
        </lc-community>`,
      );
      const el = wrapper.querySelector(tag)!;
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const regions = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="status"], [aria-live]')];
      expect(regions.length, 'the element has live regions').to.be.greaterThan(0);
      for (const region of regions) {
        const label = `${region.getAttribute('part') ?? region.className} (${JSON.stringify(region.textContent)})`;
        // The region itself (a whole view around it, such as the assessment's review, may be hidden
        // until it is shown, empty region included).
        const style = getComputedStyle(region);
        expect(style.display, label).to.not.equal('none');
        expect(style.visibility, label).to.not.equal('hidden');
        expect(region.hasAttribute('hidden'), label).to.be.false;
        // Nor taken out of the tree by the region or anything around it, through the shadow roots.
        for (let node: Element | null = region; node; node = node.parentElement ?? hostOf(node)) {
          expect(node.getAttribute('aria-hidden'), `${label}: aria-hidden on ${node.localName}`).to.not.equal('true');
          expect(node.hasAttribute('inert'), `${label}: inert ${node.localName}`).to.be.false;
        }
      }
    });
  }
});
