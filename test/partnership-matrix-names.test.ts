// <lc-partnership-matrix>: long actor names are shown whole (wrapped, never cut off), in the
// grid's row and column headers and in the narrow list, left to right and right to left.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/partnership-matrix/define.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import type { Actor } from '../src/core/envelope.js';
import { $, $$, cellAt, uid } from './partnership-matrix-support.js';
import { waitFor } from './support/helpers.js';

const LONG = 'Volkshochschule Musterstadt Erwachsenenbildung';
const CLUB = 'Sportverein Blau-Weiß Musterstadt e.V.';
const actors: Actor[] = [
  { id: 'vhs', name: LONG, sector: 'education' },
  { id: 'town', name: 'Town hall', sector: 'public-authority' },
  { id: 'club', name: CLUB, sector: 'civil-society-sport' },
  { id: 'bank', name: 'Sparkasse', sector: 'business-finance' },
];

async function render(locale: string, width: number, layout: 'grid' | 'auto') {
  const host = await fixture<HTMLElement>(
    html`<div style="inline-size: ${width}px; font-family: 'DejaVu Sans', sans-serif">
      <lc-partnership-matrix
        draft-key=${uid()}
        locale=${locale}
        layout=${layout}
        .actors=${actors}
      ></lc-partnership-matrix>
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

/**
 * The name runs in its own direction wherever it is shown: "e.V." keeps its full stop after the
 * "V" (a Latin name laid out right to left would show ".… e.V").
 */
function expectFullStopLast(node: Node, what: string) {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let text: Text | undefined;
  while (walker.nextNode()) if (walker.currentNode.textContent!.includes('e.V.')) text = walker.currentNode as Text;
  expect(text, `${what}: holds "e.V."`).to.exist;
  const at = text!.data.indexOf('e.V.');
  const rect = (i: number) => {
    const range = document.createRange();
    range.setStart(text!, i);
    range.setEnd(text!, i + 1);
    return range.getBoundingClientRect();
  };
  const v = rect(at + 2);
  const stop = rect(at + 3);
  expect(stop.left, `${what}: the full stop of "e.V." is after its "V"`).to.be.at.least(v.right - 1);
  expect(Math.abs(stop.top - v.top), `${what}: on the same line`).to.be.below(2);
}

/** Shows a name in its own direction: dir="auto" (a <bdi> has it), or isolated / plaintext. */
function expectOwnDirection(node: HTMLElement, what: string) {
  const own = node.dir === 'auto' || node.localName === 'bdi';
  const bidi = getComputedStyle(node).unicodeBidi;
  expect(own || ['isolate', 'plaintext'].includes(bidi), `${what}: dir="auto" or isolated (${bidi})`).to.be.true;
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

    it(`shows them whole, in their own direction, everywhere in the list and the figures in ${locale} at 320 px`, async () => {
      const el = await render(locale, 320, 'auto');
      const chooser = $<HTMLSelectElement>(el, '#list-actor')!;
      chooser.value = '2';
      chooser.dispatchEvent(new Event('change'));
      await el.updateComplete;
      // The heading: "Ties of Sportverein Blau-Weiß Musterstadt e.V."
      const heading = $(el, '#list-heading')!;
      expect(heading.textContent).to.contain(CLUB);
      expectWhole(heading, 'list heading');
      expectFullStopLast(heading, 'list heading');
      // Each tie's name.
      const club = () => $$(el, '.tie .who').find((w) => w.textContent!.includes(CLUB))!;
      chooser.value = '0';
      chooser.dispatchEvent(new Event('change'));
      await el.updateComplete;
      for (const name of $$(el, '.tie .who')) {
        expectWhole(name, name.textContent!.trim());
        expectOwnDirection(name, name.textContent!.trim());
      }
      expectFullStopLast(club(), 'the tie with the club');
      // The figure "actors without any tie" (nobody has a tie yet): every name whole, each its own.
      const isolated = $(el, '.numbers .wide dd')!;
      const names = [...isolated.querySelectorAll<HTMLElement>('*')];
      expect(names.map((n) => n.textContent)).to.deep.equal(actors.map((a) => a.name));
      for (const name of names) {
        expectOwnDirection(name, name.textContent!);
        // Inline, wrapping with the sentence: every line of it inside the figure's box.
        const box = isolated.getBoundingClientRect();
        for (const line of name.getClientRects()) {
          expect(line.left, name.textContent!).to.be.at.least(box.left - 1);
          expect(line.right, name.textContent!).to.be.at.most(box.right + 1);
        }
      }
      expectWhole(isolated, 'actors without any tie');
      expectFullStopLast(isolated, 'actors without any tie');
      await expect(el).to.be.accessible();
    });

    it(`shows the chosen actor's whole name in the closed picker in ${locale} at 320 px`, async () => {
      const el = await render(locale, 320, 'auto');
      const chooser = $<HTMLSelectElement>(el, '#list-actor')!;
      const pick = async (i: number) => {
        chooser.value = String(i);
        chooser.dispatchEvent(new Event('change'));
        await el.updateComplete;
        return chooser.getBoundingClientRect().height;
      };
      const short = await pick(3);
      const long = await pick(0);
      expect(chooser.scrollWidth, 'the picker: cut off sideways').to.be.at.most(chooser.clientWidth + 1);
      // A select shows its option on one line, cut off (at the start of a Latin name in Arabic);
      // where a select can be styled (appearance: base-select) it wraps the name instead.
      if (CSS.supports('appearance', 'base-select')) {
        expect(getComputedStyle(chooser).appearance).to.equal('base-select');
        expect(long, 'the long name on more lines than a short one').to.be.above(short + 5);
      }
      // The option's label keeps the name in its own direction within the sentence ("… (0 ties)").
      const label = chooser.options[2]!.textContent!.trim();
      if (locale === 'ar') expect(label.startsWith(`\u2068${CLUB}\u2069`), label).to.be.true;
      else expect(label).to.equal(`${CLUB} (0 ties)`);
      await expect(el).to.be.accessible();
    });
  }
});

describe('<lc-partnership-matrix> names in the sentences about a tie', () => {
  it('isolates each name and joins the clauses with the Arabic comma, in the cell’s name and the line above the grid', async () => {
    const host = await fixture<HTMLElement>(
      html`<div style="inline-size: 1000px">
        <lc-partnership-matrix
          draft-key=${uid()}
          locale="ar"
          layout="grid"
          .actors=${actors}
          .ties=${[{ source: 'club', target: 'vhs', level: 3, independent: true }]}
        ></lc-partnership-matrix>
      </div>`,
    );
    const el = host.querySelector<LcPartnershipMatrix>('lc-partnership-matrix')!;
    await el.updateComplete;
    const cell = cellAt(el, 2, 0);
    cell.focus();
    await el.updateComplete;
    const label = cell.getAttribute('aria-label')!;
    const current = $(el, '[part="current"]')!.textContent!;
    for (const [what, text] of [
      ['the cell', label],
      ['the line above the grid', current],
    ] as const) {
      // First Strong Isolate … Pop Directional Isolate: the name keeps its own direction.
      expect(text, what).to.contain(`\u2068${CLUB}\u2069`).and.contain(`\u2068${LONG}\u2069`);
      expect(text, `${what}: no Latin comma in the Arabic sentence`).not.to.contain(', ');
      expect(text, what).to.contain('، ');
    }
    expectFullStopLast($(el, '[part="current"]')!, 'the line above the grid');
  });
});

describe('<lc-partnership-matrix> names in accessible names', () => {
  /** Every accessible name in the element that holds the club's name, by what carries it. */
  const namesWithClub = (el: LcPartnershipMatrix) =>
    $$(el, '[aria-label]')
      .filter((node) => node.getAttribute('aria-label')!.includes('e.V.'))
      .map((node) => ({
        what: node.getAttribute('data-kind') ?? node.getAttribute('role') ?? node.localName,
        label: node.getAttribute('aria-label')!,
      }));

  it('isolates every actor name in an Arabic accessible name: cells, picker, editor and list', async () => {
    const ties = [{ source: 'club', target: 'vhs', level: 3, independent: true }];
    const host = await fixture<HTMLElement>(
      html`<div style="inline-size: 1000px">
        <lc-partnership-matrix
          draft-key=${uid()}
          locale="ar"
          layout="grid"
          .actors=${actors}
          .ties=${ties}
        ></lc-partnership-matrix>
      </div>`,
    );
    const el = host.querySelector<LcPartnershipMatrix>('lc-partnership-matrix')!;
    await el.updateComplete;
    cellAt(el, 2, 0).focus();
    $<HTMLDetailsElement>(el, 'details[part="actors"]')!.open = true;
    await waitFor(() => $(el, '[data-kind="remove"]'), 'the actors panel');
    await el.updateComplete;
    const grid = namesWithClub(el);
    el.layout = 'list';
    await el.updateComplete;
    // The focus went with the layout to the club's ties; the Volkshochschule's hold the club's name.
    const chooser = $<HTMLSelectElement>(el, '#list-actor')!;
    expect(chooser.value).to.equal('2');
    chooser.value = '0';
    chooser.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const list = namesWithClub(el);
    const carriers = new Set([...grid, ...list].map((n) => n.what));
    // What holds the name (none may be left out of this check by a change of markup).
    for (const what of ['gridcell', 'dialog', 'sector', 'remove', 'independent']) {
      expect([...carriers], what).to.include(what);
    }
    for (const { what, label } of [...grid, ...list]) {
      // First Strong Isolate … Pop Directional Isolate: "e.V." keeps its full stop at its end.
      expect(label, what).to.contain(`\u2068${CLUB}\u2069`);
    }
  });
});

describe('<lc-partnership-matrix> a long one-word name in its row header', () => {
  // German joins words into one: no space to wrap at, and the row header is 11rem wide.
  const words: Actor[] = [
    { id: 'wfg', name: 'Wirtschaftsförderungsgesellschaft Egeby', sector: 'public-authority' },
    { id: 'stift', name: 'Sparkassenkulturstiftung', sector: 'business-finance' },
    { id: 'vhs', name: 'Volkshochschulweiterbildungszentrum Musterstadt', sector: 'education' },
    { id: 'town', name: 'Stadtverwaltung', sector: 'public-authority' },
  ];
  const SPACING =
    '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }';

  for (const locale of ['de', 'ar']) {
    for (const spacing of [false, true]) {
      it(`breaks it inside the header, over none of the cells, in ${locale}${spacing ? ' with the text spacing of WCAG 1.4.12' : ''}`, async () => {
        const host = await fixture<HTMLElement>(
          html`<div style="inline-size: 820px; font-family: 'DejaVu Sans', sans-serif">
            <lc-partnership-matrix
              draft-key=${uid()}
              locale=${locale}
              layout="grid"
              .actors=${words}
            ></lc-partnership-matrix>
          </div>`,
        );
        const el = host.querySelector<LcPartnershipMatrix>('lc-partnership-matrix')!;
        await el.updateComplete;
        if (spacing) {
          const style = document.createElement('style');
          style.textContent = SPACING;
          el.shadowRoot!.append(style);
        }
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const rows = $$(el, '[role="rowheader"]');
        expect(rows.map((r) => r.textContent)).to.deep.equal(words.map((a) => a.name));
        rows.forEach((header, i) => {
          const name = header.textContent!;
          const range = document.createRange();
          range.selectNodeContents(header);
          const cell = cellAt(el, i, 0).getBoundingClientRect();
          for (const line of range.getClientRects()) {
            const across = Math.min(line.right, cell.right) - Math.max(line.left, cell.left);
            const down = Math.min(line.bottom, cell.bottom) - Math.max(line.top, cell.top);
            expect(across > 0.5 && down > 0.5, `${name}: a line of it over the first cell (${across}×${down} px)`).to.be
              .false;
          }
          expectWhole(header, name);
        });
        // The column headers keep their words whole, on two lines at most, as before.
        for (const column of $$(el, '[role="columnheader"].col > span')) {
          expect(getComputedStyle(column).overflowWrap, column.textContent!).to.equal('normal');
        }
      });
    }
  }
});
