import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/self-rating/define.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { waitFor } from './support/helpers.js';

// An element moved to another document (an iframe of the portal, a Picture-in-Picture window):
// the browser drops its shadow root's style sheets, which belong to the old document; the element
// builds them again in the new one, and again on the way back.
describe('an element moved to another document', () => {
  it('keeps its styles there and back', async () => {
    const card = await fixture<HTMLElement>(
      html`<lc-criterion-card criterion="trust"><lc-self-rating></lc-self-rating></lc-criterion-card>`,
    );
    const rating = card.querySelector<LcSelfRating>('lc-self-rating')!;
    await rating.updateComplete;
    const option = () => rating.shadowRoot!.querySelector<HTMLElement>('[role="radio"]')!;
    const looks = () => {
      const style = option().ownerDocument.defaultView!.getComputedStyle(option());
      return { minBlockSize: style.minBlockSize, cursor: style.cursor };
    };
    const here = looks();
    expect(parseFloat(here.minBlockSize), 'styled to begin with').to.be.at.least(44);

    const frame = document.createElement('iframe');
    frame.srcdoc = '<!doctype html><html lang="en"><body></body></html>';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    try {
      const there = frame.contentDocument!;
      there.body.append(there.adoptNode(card));
      await rating.updateComplete;
      expect(rating.shadowRoot!.adoptedStyleSheets.length, 'sheets in the new document').to.be.greaterThan(0);
      expect(looks()).to.deep.equal(here);
      const cardTitle = card.shadowRoot!.querySelector('[part~="title"]')!;
      expect(there.defaultView!.getComputedStyle(cardTitle).fontWeight).not.to.equal('400');

      document.body.append(document.adoptNode(card));
      await rating.updateComplete;
      expect(looks(), 'and back').to.deep.equal(here);
    } finally {
      card.remove();
      frame.remove();
    }
  });

  it("speaks the language there: the nearest `lang` in the new document, then that document's", async () => {
    const rating = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust"></lc-self-rating>`);
    await rating.updateComplete;
    const base = () => rating.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
    const label = () => rating.shadowRoot!.querySelector('[part~="label"]')!.textContent!.trim();
    expect(label()).to.equal('Trust');

    const frame = document.createElement('iframe');
    frame.srcdoc = '<!doctype html><html lang="de"><body><div lang="da"></div></body></html>';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    try {
      const there = frame.contentDocument!;
      there.body.append(there.adoptNode(rating));
      await waitFor(() => base().lang === 'de' && label() === 'Vertrauen', 'the German of the frame’s document');

      // The frame's page switches language later (its CMS, without a reload): followed there too.
      there.documentElement.lang = 'ar';
      await waitFor(() => base().lang === 'ar' && base().dir === 'rtl', 'the Arabic the frame switched to');

      there.querySelector('div')!.append(rating);
      await waitFor(() => base().lang === 'da' && label() === 'Tillid', 'the Danish of the div it sits in');
    } finally {
      rating.remove();
      frame.remove();
    }
  });
});
