// A <lc-self-rating> and a <lc-criterion-card> in boxes that take their width from their content,
// as partners' pages hold them: a flex row beside a label (Bootstrap's `.d-flex`), a layout table's
// cell, an inline-block, a `width: fit-content` box. Their narrow layout asks for the width of their
// own base (a size container), whose content counts for nothing in its width: QA found both 0 px
// wide there, their text one letter a line. Each must take a width of its own where there is room,
// and narrow with the page where there is not.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html, render } from 'lit';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/self-rating/define.js';
import { settle, waitFor } from './support/helpers.js';

const CONTEXTS = {
  'a flex row beside a label': (el: unknown) =>
    html`<div style="display: flex; gap: 1em; align-items: flex-start">
      <p style="margin: 0">Rate us:</p>
      ${el}
    </div>`,
  'a layout table cell': (el: unknown) =>
    html`<table>
      <tr>
        <td>${el}</td>
      </tr>
    </table>`,
  'an inline-block': (el: unknown) => html`<div><span style="display: inline-block">${el}</span></div>`,
  'a fit-content box': (el: unknown) => html`<div style="inline-size: fit-content">${el}</div>`,
};

let container: HTMLElement | undefined;
let viewport: { width: number; height: number };

before(() => {
  viewport = { width: window.innerWidth, height: window.innerHeight };
});

afterEach(async () => {
  container?.remove();
  container = undefined;
  await setViewport(viewport);
});

/** One element in `context`, at the top of a 16 px sans-serif page, with its criterion loaded. */
async function mountIn(context: keyof typeof CONTEXTS, element: unknown) {
  container = document.createElement('div');
  container.style.font = "16px 'DejaVu Sans', sans-serif";
  document.body.prepend(container);
  render(
    html`<lc-community community="shrink" round="r1" storage="none">${CONTEXTS[context](element)}</lc-community>`,
    container,
  );
  await settle(container);
  for (const el of container.querySelectorAll('lc-self-rating, lc-criterion-card')) {
    await waitFor(() => el.shadowRoot!.querySelector('[part~="label"], [part~="title"]'), `${el.localName} rendered`);
  }
  await settle(container);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return container;
}

/** How many columns the rating's scale shows: 6 side by side, 1 stacked (the narrow layout). */
function scaleColumns(rating: Element): number {
  const scale = rating.shadowRoot!.querySelector('[part~="scale"]')!;
  return getComputedStyle(scale).gridTemplateColumns.split(' ').length;
}

describe('<lc-self-rating> and <lc-criterion-card> in boxes as wide as their content', () => {
  for (const context of Object.keys(CONTEXTS) as (keyof typeof CONTEXTS)[]) {
    it(`${context}, 1024 px: each as wide as its scale side by side needs`, async () => {
      await setViewport({ width: 1024, height: 800 });
      const root = await mountIn(context, html`<lc-self-rating criterion="trust"></lc-self-rating>`);
      const rating = root.querySelector('lc-self-rating')!;
      // 42em: a little over the 40em at which the scale stacks.
      expect(rating.getBoundingClientRect().width).to.be.within(640, 1000);
      expect(scaleColumns(rating)).to.equal(6);
      container!.remove();
      const cardRoot = await mountIn(
        context,
        html`<lc-criterion-card criterion="trust"><lc-self-rating></lc-self-rating></lc-criterion-card>`,
      );
      const card = cardRoot.querySelector('lc-criterion-card')!;
      expect(card.getBoundingClientRect().width).to.be.within(680, 1000);
      expect(scaleColumns(cardRoot.querySelector('lc-self-rating')!)).to.equal(6);
      expect(document.documentElement.scrollWidth).to.be.at.most(1024);
    });

    it(`${context}, 320 px: each narrows with the page, its scale stacked`, async () => {
      await setViewport({ width: 320, height: 800 });
      const root = await mountIn(
        context,
        html`<lc-criterion-card criterion="trust"><lc-self-rating></lc-self-rating></lc-criterion-card>`,
      );
      const card = root.querySelector('lc-criterion-card')!;
      expect(card.getBoundingClientRect().width).to.be.within(200, 320);
      expect(card.getBoundingClientRect().right).to.be.at.most(320);
      expect(scaleColumns(root.querySelector('lc-self-rating')!)).to.equal(1);
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(320);
      container!.remove();
      const ratingRoot = await mountIn(context, html`<lc-self-rating criterion="trust"></lc-self-rating>`);
      const rating = ratingRoot.querySelector('lc-self-rating')!;
      expect(rating.getBoundingClientRect().width).to.be.within(200, 320);
      expect(rating.getBoundingClientRect().right).to.be.at.most(320);
      expect(scaleColumns(rating)).to.equal(1);
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(320);
    });
  }
});
