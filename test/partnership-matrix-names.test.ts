// <lc-partnership-matrix>: long actor names are shown whole (wrapped, never cut off), in the
// grid's row and column headers and in the narrow list, left to right and right to left.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/partnership-matrix/define.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import type { Actor } from '../src/core/envelope.js';
import { $, $$ } from './partnership-matrix-support.js';

const LONG = 'Volkshochschule Musterstadt Erwachsenenbildung';
const actors: Actor[] = [
  { id: 'vhs', name: LONG, sector: 'education' },
  { id: 'town', name: 'Town hall', sector: 'public-authority' },
  { id: 'club', name: 'Sportverein Blau-Weiß Musterstadt e.V.', sector: 'civil-society-sport' },
  { id: 'bank', name: 'Sparkasse', sector: 'business-finance' },
];

async function render(locale: string, width: number, layout: 'grid' | 'auto') {
  const host = await fixture<HTMLElement>(
    html`<div style="inline-size: ${width}px; font-family: 'DejaVu Sans', sans-serif">
      <lc-partnership-matrix locale=${locale} layout=${layout} .actors=${actors}></lc-partnership-matrix>
    </div>`,
  );
  const el = host.querySelector<LcPartnershipMatrix>('lc-partnership-matrix')!;
  await el.updateComplete;
  // Rows skip layout until a frame has found them on screen (content-visibility: auto).
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return el;
}

/** The element's text is all drawn inside its box (nothing clipped away), whatever its writing mode. */
function expectWhole(node: HTMLElement, what: string) {
  expect(node.scrollWidth, `${what}: cut off sideways`).to.be.at.most(node.clientWidth + 1);
  expect(node.scrollHeight, `${what}: cut off vertically`).to.be.at.most(node.clientHeight + 1);
  const range = document.createRange();
  range.selectNodeContents(node);
  const text = range.getBoundingClientRect();
  const box = node.getBoundingClientRect();
  expect(text.left, `${what}: starts outside its box`).to.be.at.least(box.left - 1);
  expect(text.right, `${what}: ends outside its box`).to.be.at.most(box.right + 1);
  expect(text.top, `${what}: above its box`).to.be.at.least(box.top - 1);
  expect(text.bottom, `${what}: below its box`).to.be.at.most(box.bottom + 1);
  expect(getComputedStyle(node).textOverflow, what).not.to.equal('ellipsis');
}

describe('<lc-partnership-matrix> long actor names', () => {
  for (const locale of ['en', 'ar']) {
    for (const width of [900, 320]) {
      it(`shows them whole in the grid's headers in ${locale} at ${width} px`, async () => {
        const el = await render(locale, width, 'grid');
        const columns = $$(el, '[role="columnheader"].col > span');
        const rows = $$(el, '[role="rowheader"]');
        expect(columns.map((c) => c.textContent!.trim())).to.deep.equal(actors.map((a) => a.name));
        expect(rows.map((r) => r.textContent)).to.deep.equal(actors.map((a) => a.name));
        for (const header of [...columns, ...rows]) {
          expectWhole(header, `${header.className || header.localName} "${header.textContent!.trim()}"`);
        }
        // Latin names in a right-to-left grid run left to right: "e.V." keeps its full stop at the end.
        for (const header of [...columns, ...rows]) {
          expect(getComputedStyle(header).unicodeBidi, header.textContent!).to.equal('plaintext');
        }
        await expect(el).to.be.accessible();
      });
    }

    it(`shows them whole in the narrow list in ${locale} at 320 px`, async () => {
      const el = await render(locale, 320, 'auto');
      expect($(el, '[part="list"]'), 'the list layout').to.exist;
      const heading = $(el, '#list-heading')!;
      expect(heading.textContent).to.contain(LONG);
      expectWhole(heading, 'list heading');
      for (const name of $$(el, '.tie .who')) expectWhole(name, name.textContent!.trim());
      await expect(el).to.be.accessible();
    });
  }
});
