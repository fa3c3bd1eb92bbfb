import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/components/partnership-matrix/define.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import {
  $,
  $$,
  cellAt,
  countChanges,
  focused,
  focusedCell,
  levelOf,
  press,
  smallActors,
  smallTies,
  uid,
} from './partnership-matrix-support.js';

async function small(extra: Partial<Pick<LcPartnershipMatrix, 'directed' | 'locale'>> = {}) {
  // The element is the fixture itself (its updateComplete is awaited, not an animation frame,
  // which a page in the background never gets); a button before it is where Tab starts.
  const el = await fixture<LcPartnershipMatrix>(
    html`<lc-partnership-matrix
      draft-key=${uid()}
      layout="grid"
      .actors=${smallActors}
      .ties=${smallTies}
    ></lc-partnership-matrix>`,
  );
  const before = document.createElement('button');
  before.textContent = 'before';
  el.before(before);
  Object.assign(el, extra);
  await el.updateComplete;
  return { before, el };
}

describe('<lc-partnership-matrix> grid', () => {
  it('renders the ARIA grid pattern: grid, rows, row and column headers, one cell per pair', async () => {
    const { el } = await small();
    const grid = $(el, '[role="grid"]')!;
    expect(grid.getAttribute('aria-labelledby')).to.equal('title');
    expect($(el, '#title')!.textContent).to.equal('Partnerships');
    expect($$(el, '[role="row"]')).to.have.length(5);
    expect($$(el, '[role="columnheader"]').map((h) => h.textContent!.trim())).to.deep.equal([
      'Actor',
      'Town hall',
      'City College',
      'Savings Bank',
      'Sport Club',
    ]);
    expect($$(el, '[role="rowheader"]').map((h) => h.textContent)).to.deep.equal(smallActors.map((a) => a.name));
    expect($$(el, '[role="gridcell"]')).to.have.length(16);
    // Roving tabindex: exactly one cell is in the tab order.
    expect($$(el, '[role="gridcell"][tabindex="0"]')).to.have.length(1);
    // No cell has a listener of its own: a cell is a bare element.
    expect(cellAt(el, 0, 1).attributes.length).to.equal(5); // role, part, class, tabindex, aria-label
  });

  it('keeps its cells 44 × 44 px targets under a portal’s smaller root font (html { font-size: 62.5% })', async () => {
    document.documentElement.style.fontSize = '62.5%';
    try {
      const { el } = await small();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const cells = $$(el, '[role="gridcell"]');
      expect(cells).to.have.length(16);
      for (const cell of cells) {
        const box = cell.getBoundingClientRect();
        expect(box.width, cell.getAttribute('aria-label')!).to.be.at.least(44);
        expect(box.height, cell.getAttribute('aria-label')!).to.be.at.least(44);
      }
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('names each cell "row actor, column actor, level", containing the text it shows', async () => {
    const { el } = await small();
    const tie = cellAt(el, 0, 1);
    expect(tie.textContent).to.equal('3');
    expect(tie.getAttribute('aria-label')).to.equal('Town hall, City College, 3 Lasting partnership');
    // The mirror of a symmetric tie.
    expect(cellAt(el, 1, 0).getAttribute('aria-label')).to.equal('City College, Town hall, 3 Lasting partnership');
    const independent = cellAt(el, 2, 3);
    expect(independent.className).to.contain('ind');
    expect(independent.getAttribute('aria-label')).to.equal(
      'Savings Bank, Sport Club, 2 Joint activity, without a public authority',
    );
    const none = cellAt(el, 0, 2);
    expect(none.textContent).to.equal('');
    expect(none.getAttribute('aria-label')).to.equal('Town hall, Savings Bank, 0 None');
    const self = cellAt(el, 1, 1);
    expect(self.getAttribute('aria-disabled')).to.equal('true');
    expect(self.getAttribute('aria-label')).to.equal('City College, City College, the same actor');
    for (const cell of $$(el, '[role="gridcell"]')) {
      expect(cell.getAttribute('aria-label')!, 'label in name').to.contain(cell.textContent!.trim());
    }
  });

  it('is edited with the keyboard alone: Tab in, arrows, Home/End, Page keys, digits, Space, Delete', async () => {
    const { before, el } = await small();
    const seen = countChanges(el);
    before.focus();
    await press('Tab');
    expect(focusedCell(el), 'Tab lands on the roving cell').to.deep.equal([0, 1]);

    await press('ArrowRight');
    expect(focusedCell(el)).to.deep.equal([0, 2]);
    await press('4');
    expect(levelOf(el, 'town', 'bank')).to.equal(4);
    expect(cellAt(el, 0, 2).textContent).to.equal('4');
    // Symmetric: the mirror cell follows.
    expect(cellAt(el, 2, 0).getAttribute('aria-label')).to.equal('Savings Bank, Town hall, 4 Shared governance');
    expect($(el, '[part="notice"]')!.textContent).to.equal('4 Shared governance');

    await press('Space');
    expect(el.ties.find((t) => t.source === 'town' && t.target === 'bank')!.independent).to.be.true;
    expect(cellAt(el, 0, 2).getAttribute('aria-label')).to.contain('without a public authority');
    await press('i');
    expect(el.ties.find((t) => t.source === 'town' && t.target === 'bank')!.independent).to.be.false;

    await press('ArrowDown');
    expect(focusedCell(el)).to.deep.equal([1, 2]);
    await press('2');
    expect(levelOf(el, 'college', 'bank')).to.equal(2);
    await press('End');
    expect(focusedCell(el)).to.deep.equal([1, 3]);
    await press('Home');
    expect(focusedCell(el)).to.deep.equal([1, 0]);
    await press('PageDown');
    expect(focusedCell(el)![0], 'Page Down moves down (to the last row here)').to.equal(3);
    await press('PageUp');
    expect(focusedCell(el)![0]).to.equal(0);
    await press('ArrowUp');
    expect(focusedCell(el), 'stops at the edge').to.deep.equal([0, 0]);

    // The diagonal cannot hold a tie.
    await press('3');
    expect(el.ties.some((t) => t.source === t.target)).to.be.false;

    await press('ArrowRight');
    await press('Delete');
    expect(levelOf(el, 'town', 'college')).to.equal(0);
    // Space on a cell without a tie says why nothing happened.
    await press('Space');
    expect($(el, '[part="notice"]')!.textContent).to.contain('Set a level first');

    await sendKeys({ down: 'Control' });
    await press('End');
    await sendKeys({ up: 'Control' });
    expect(focusedCell(el)).to.deep.equal([3, 3]);
    // Roving tabindex follows focus.
    await el.updateComplete;
    expect($$(el, '[role="gridcell"][tabindex="0"]')).to.deep.equal([cellAt(el, 3, 3)]);
    expect(seen.change).to.equal(5);
  });

  it('opens one shared level picker with Enter, chooses with arrows and Enter, and returns focus', async () => {
    const { before, el } = await small();
    before.focus();
    await press('Tab');
    await press('ArrowRight'); // town – bank, none
    await press('Enter');
    await el.updateComplete;
    const picker = $(el, '[part="picker"]')!;
    expect(picker.matches(':popover-open')).to.be.true;
    expect(picker.getAttribute('aria-label')).to.equal('Tie between Town hall and Savings Bank');
    expect($$(el, '[part="picker"]'), 'one picker for the whole grid').to.have.length(1);
    expect(focused(el)!.getAttribute('role')).to.equal('option');
    expect(focused(el)!.textContent).to.contain('0 None');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(focused(el)!.textContent).to.contain('2 Joint activity');
    await press('Enter');
    await el.updateComplete;
    expect(picker.matches(':popover-open')).to.be.false;
    expect(levelOf(el, 'town', 'bank')).to.equal(2);
    expect(focusedCell(el)).to.deep.equal([0, 2]);

    // Escape closes without a change; focus returns to the cell.
    await press('Enter');
    await el.updateComplete;
    expect(picker.matches(':popover-open')).to.be.true;
    await press('Escape');
    await el.updateComplete;
    expect(picker.matches(':popover-open')).to.be.false;
    expect(focusedCell(el)).to.deep.equal([0, 2]);
    expect(levelOf(el, 'town', 'bank')).to.equal(2);

    // The flag can be set from the picker, with a pointer.
    cellAt(el, 0, 2).click();
    await el.updateComplete;
    expect(picker.matches(':popover-open')).to.be.true;
    $<HTMLInputElement>(el, '[part="picker"] input[type="checkbox"]')!.click();
    expect(el.ties.find((t) => t.target === 'bank')!.independent).to.be.true;
    $<HTMLElement>(el, '[part="picker"] [data-level="3"]')!.click();
    await el.updateComplete;
    expect(levelOf(el, 'town', 'bank')).to.equal(3);
    expect(picker.matches(':popover-open')).to.be.false;
  });

  it('opens its picker under the cell under a CSS zoom, and keeps it there as the page scrolls', async () => {
    // Room for the picker below its cell at every zoom (at zoom 2 it is about 670 px high).
    await setViewport({ width: 1400, height: 1600 });
    for (const zoom of [1, 1.5, 2]) {
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="zoom: ${zoom}; width: 560px; padding-block-end: 150vh">
          <lc-partnership-matrix draft-key=${uid()} layout="grid" .actors=${smallActors} .ties=${smallTies}>
          </lc-partnership-matrix>
        </div>`,
      );
      const el = wrap.querySelector<LcPartnershipMatrix>('lc-partnership-matrix')!;
      await el.updateComplete;
      const cell = cellAt(el, 1, 2)!;
      cell.focus();
      await press('Enter');
      await el.updateComplete;
      const picker = $(el, '[part="picker"]')!;
      expect(picker.matches(':popover-open'), `zoom ${zoom}`).to.be.true;
      const near = (what: string) => {
        const c = cell.getBoundingClientRect();
        const p = picker.getBoundingClientRect();
        expect(Math.abs(p.left - c.left), `${what}: left, zoom ${zoom}`).to.be.below(2 * zoom);
        // Under the cell, or above it where the window has no room below.
        const gap = Math.min(Math.abs(p.top - (c.bottom + 4 * zoom)), Math.abs(c.top - 4 * zoom - p.bottom));
        // 4 of the element's pixels from it (rounded to a whole one: at most half a pixel off).
        expect(gap, `${what}: top ${p.top} for a cell at ${c.top}–${c.bottom}, zoom ${zoom}`).to.be.below(zoom);
      };
      near('opened');
      window.scrollBy(0, 60);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      await el.updateComplete;
      near('after scrolling');
      await press('Escape');
      window.scrollTo(0, 0);
      wrap.remove();
    }
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps every control of its picker on screen in a window shorter than the picker', async () => {
    // The picker is about 334 px high (668 px under a zoom of 2): in these windows it fits neither
    // under its cell nor above it.
    try {
      for (const [width, height, zoom] of [
        [700, 300, 1],
        [1280, 320, 1],
        [320, 256, 1],
        [700, 500, 2],
        // Narrow too, under a zoom: the picker's 20em are wider than the window.
        [560, 500, 2],
      ] as const) {
        const size = `${width}×${height}, zoom ${zoom}`;
        await setViewport({ width, height });
        const wrap = await fixture<HTMLDivElement>(
          html`<div style="zoom: ${zoom}">
            <button>before</button>
            <lc-partnership-matrix draft-key=${uid()} layout="grid" .actors=${smallActors} .ties=${smallTies}>
            </lc-partnership-matrix>
          </div>`,
        );
        const el = wrap.querySelector<LcPartnershipMatrix>('lc-partnership-matrix')!;
        await el.updateComplete;
        wrap.querySelector('button')!.focus();
        await press('Tab'); // town – college, level 3: the flag can be set
        await press('Enter');
        await el.updateComplete;
        const picker = $(el, '[part="picker"]')!;
        expect(picker.matches(':popover-open'), size).to.be.true;
        // A level, the flag, Close: each where the person sees it when the focus is on it.
        const seen: string[] = [];
        for (let i = 0; i < 3; i++) {
          if (i) await press('Tab');
          await el.updateComplete;
          const control = focused(el)!;
          expect(picker.contains(control), `${size}: control ${i} in the picker`).to.be.true;
          const level = control.dataset['level'];
          const name = level ? `level ${level}` : control.textContent!.trim() || control.getAttribute('type')!;
          seen.push(name);
          const box = control.getBoundingClientRect();
          const where = `${size}: "${name}" at ${box.left},${box.top}–${box.right},${box.bottom}`;
          expect(box.top, where).to.be.at.least(0);
          expect(box.left, where).to.be.at.least(0);
          expect(box.bottom, where).to.be.at.most(innerHeight);
          expect(box.right, where).to.be.at.most(innerWidth);
        }
        expect(seen, size).to.deep.equal(['level 3', 'checkbox', 'Close']);
        await press('Escape');
        wrap.remove();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('closes its picker when the focus leaves it, and leaves the focus where it went', async () => {
    const { before, el } = await small();
    const after = document.createElement('button');
    after.textContent = 'after';
    el.after(after);
    before.focus();
    await press('Tab');
    await press('ArrowRight');
    await press('Enter');
    await el.updateComplete;
    const picker = $(el, '[part="picker"]')!;
    expect(picker.matches(':popover-open')).to.be.true;
    // Tab through the picker's controls (a level, the flag, Close) and past them.
    await press('Tab');
    await press('Tab');
    await press('Tab');
    await el.updateComplete;
    expect(picker.matches(':popover-open'), 'closed once the focus left it').to.be.false;
    expect(picker.contains(el.shadowRoot!.activeElement)).to.be.false;

    // Open again; the focus moves to the page's own button: the picker closes, the focus stays there.
    cellAt(el, 0, 2).focus();
    await press('Enter');
    await el.updateComplete;
    expect(picker.matches(':popover-open')).to.be.true;
    after.focus();
    await el.updateComplete;
    expect(picker.matches(':popover-open')).to.be.false;
    expect(document.activeElement).to.equal(after);
    await press('Escape');
    expect(document.activeElement, 'Escape in the page does not pull the focus back').to.equal(after);
    after.remove();
  });

  it('keeps one-way ties apart with `directed`', async () => {
    const { before, el } = await small({ directed: true });
    before.focus();
    await press('Tab');
    await press('1');
    expect(levelOf(el, 'town', 'college')).to.equal(1);
    expect(levelOf(el, 'college', 'town'), 'the way back is its own').to.equal(3);
    expect(cellAt(el, 0, 1).getAttribute('aria-label')).to.equal('Town hall to City College, 1 Occasional contact');
    expect(el.figures.pairs).to.equal(12);
  });

  it('takes one-way ties set from code together with `directed`, before any update', async () => {
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} layout="grid"></lc-partnership-matrix>`,
    );
    el.directed = true;
    el.actors = smallActors;
    el.ties = [
      { source: 'town', target: 'college', level: 1, independent: false },
      { source: 'college', target: 'town', level: 4, independent: true },
    ];
    await el.updateComplete;
    expect(levelOf(el, 'town', 'college')).to.equal(1);
    expect(levelOf(el, 'college', 'town')).to.equal(4);
    // Made mutual, the stronger direction wins with its flag.
    el.directed = false;
    await el.updateComplete;
    expect(el.ties).to.deep.equal([{ source: 'town', target: 'college', level: 4, independent: true }]);
  });

  it('mirrors the arrow keys in Arabic (right to left)', async () => {
    const { before, el } = await small({ locale: 'ar' });
    expect($(el, '[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    before.focus();
    await press('Tab');
    await press('ArrowLeft');
    expect(focusedCell(el), 'ArrowLeft goes to the next column in RTL').to.deep.equal([0, 2]);
    await press('ArrowRight');
    expect(focusedCell(el)).to.deep.equal([0, 1]);
    // An Arabic keyboard's digit (the test driver cannot type it as a key, so it is dispatched).
    focused(el)!.dispatchEvent(new KeyboardEvent('keydown', { key: '٤', bubbles: true, composed: true }));
    expect(levelOf(el, 'town', 'college'), 'Arabic-Indic digits set levels').to.equal(4);
  });

  it('writes levels in the digits of the locale, as every other figure (ar-EG: Arabic-Indic)', async () => {
    const { before, el } = await small({ locale: 'ar-EG' });
    const n = (value: number) => value.toLocaleString('ar-EG');
    expect(n(3), 'the locale has digits of its own').to.not.equal('3');
    // town–college is 3, bank–club 2: the cells show the digits, their names the level's.
    expect(cellAt(el, 0, 1).textContent!.trim()).to.equal(n(3));
    expect(cellAt(el, 2, 3).textContent!.trim()).to.equal(n(2));
    expect(cellAt(el, 0, 1).getAttribute('aria-label')).to.contain(`${n(3)} شراكة دائمة`);
    expect($(el, '[part="help"]')!.textContent).to.contain(`من ${n(0)} إلى ${n(4)} لتحديد المستوى`);
    expect($(el, '.heatmap')!.textContent).to.contain(`${(1).toLocaleString('ar-EG', { style: 'percent' })} تعني`);
    before.focus();
    await press('Tab');
    await press('Enter');
    await el.updateComplete;
    const options = $$(el, '[part="option"]').map((o) => o.textContent!.replace(/\s+/g, ' ').trim());
    expect(options[0]).to.equal(`${n(0)} لا يوجد`);
    // The swatch (hidden from a screen reader) shows the level too.
    expect(options[3]).to.equal(`${n(3)}${n(3)} شراكة دائمة`);
  });

  it('updates the figures live, and never fires change on a programmatic set', async () => {
    const { el } = await small();
    const seen = countChanges(el);
    const figure = (label: string) =>
      $$(el, '.numbers > div')
        .find((d) => d.querySelector('dt')!.textContent === label)!
        .querySelector('dd')!.textContent;
    // 4 actors → 6 pairs, 2 ties.
    expect(figure('Ties')).to.equal('2');
    expect(figure('Density (ties out of possible pairs)')).to.equal('33%');
    el.ties = [...smallTies, { source: 'college', target: 'bank', level: 4, independent: true }];
    await el.updateComplete;
    expect(figure('Ties')).to.equal('3');
    expect(figure('Density (ties out of possible pairs)')).to.equal('50%');
    expect(figure('Ties without a public authority')).to.equal('67%');
    expect(seen.change).to.equal(0);
    expect($(el, '.heatmap')!.textContent).to.contain('Education');
  });

  it('shows the density of one actor, who has no pair to be tied with, as not applicable', async () => {
    const { el } = await small();
    el.actors = [smallActors[0]!];
    await el.updateComplete;
    const figure = (label: string) =>
      $$(el, '.numbers > div')
        .find((d) => d.querySelector('dt')!.textContent === label)!
        .querySelector('dd')!.textContent;
    expect(el.figures).to.include({ actors: 1, pairs: 0, density: null });
    expect(figure('Density (ties out of possible pairs)')).to.equal('not applicable');
    expect(figure('Ties across sectors')).to.equal('not applicable');
  });
});

describe('<lc-partnership-matrix> panels', () => {
  it("names its disclosures by their text only: the arrow drawn before it is not read (alt text '')", async () => {
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()}></lc-partnership-matrix>`,
    );
    const summaries = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.panel > summary')];
    expect(summaries.length).to.be.greaterThan(0);
    for (const summary of summaries) {
      expect(getComputedStyle(summary, '::before').content, summary.textContent!.trim()).to.match(/^"[▸▾◂]" \/ ""$/);
    }
  });
});
