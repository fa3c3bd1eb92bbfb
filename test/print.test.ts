// Printing: each element under print media, at the width of an A4 page (718 px at 96 dpi, less
// Chromium's default margins), as QA printed them with the default settings (background graphics
// off). What a page prints is read from the layout (boxes, scroll sizes) and the computed styles.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../src/components/partnership-matrix/define.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import { DEFAULT_SECTORS } from '../src/components/partnership-matrix/matrix-model.js';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/reflection-journal/define.js';
import '../src/components/results/define.js';
import '../src/components/self-rating/define.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import {
  IDS,
  answer,
  clearHash,
  hashIs,
  mount,
  part,
  parts,
  rating,
  settle as settleAssessment,
} from './support/assessment.js';
import type { LcResults } from '../src/components/results/lc-results.js';
import type { Actor, Tie } from '../src/core/envelope.js';
import { smallActors, uid } from './partnership-matrix-support.js';
import { seedReference, waitFor } from './support/helpers.js';

const SPRING = '/test/fixtures/results-2026-spring.json';
const AUTUMN = '/test/fixtures/results-2025-autumn.json';

/** An A4 page's width, printed. */
async function printA4(width = 718) {
  await setViewport({ width, height: 1000 });
  await emulateMedia({ media: 'print' });
}

afterEach(async () => {
  await emulateMedia({ media: 'screen', colorScheme: 'light' });
  await setViewport({ width: 800, height: 600 });
});

/** A few frames and tasks: a resize observed, a render done. */
async function settle(el: { updateComplete: Promise<unknown> }) {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));
  }
}

describe('<lc-results> printed', () => {
  async function results(): Promise<LcResults> {
    const el = await fixture<LcResults>(
      html`<lc-results src=${SPRING} compare-src=${AUTUMN} locale="en"></lc-results>`,
    );
    await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
    await settle(el);
    return el;
  }

  // Portrait and landscape A4.
  for (const width of [718, 1047]) {
    it(`prints every column of its tables, the table under the chart (${width} px)`, async () => {
      await printA4(width);
      const el = await results();
      const box = el.getBoundingClientRect();
      const areas = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.table-area')];
      expect(areas).to.have.length(2);
      for (const area of areas) {
        // Nothing to scroll to on paper: the area shows the whole table.
        expect(area.scrollWidth, 'scroll width').to.be.at.most(area.clientWidth);
        for (const row of area.querySelectorAll('tr')) {
          const last = row.lastElementChild!.getBoundingClientRect();
          expect(last.width, row.textContent!).to.be.above(0);
          expect(last.right, row.textContent!).to.be.at.most(box.right + 0.5);
          expect(last.right, row.textContent!).to.be.at.most(area.getBoundingClientRect().right + 0.5);
        }
      }
      // The figures' table with its "Change" column: "Answers" and "Don't know" are the last two.
      expect([...areas[0].querySelectorAll('thead th')].map((t) => t.textContent!.trim())).to.deep.equal([
        'Criterion',
        'Mean',
        'Change since round 2025-autumn',
        'Answers',
        'Don’t know',
      ]);
      const chart = el.shadowRoot!.querySelector('.chart-area')!.getBoundingClientRect();
      expect(areas[0].getBoundingClientRect().top).to.be.at.least(chart.bottom);
    });
  }

  it('keeps each table row on one page', async () => {
    await printA4();
    const el = await results();
    const rows = [...el.shadowRoot!.querySelectorAll('tr')];
    expect(rows.length).to.be.above(5);
    for (const row of rows) expect(getComputedStyle(row).breakInside, row.textContent!).to.equal('avoid');
  });

  it('prints dark text and chart labels for white paper from a page in the dark scheme', async () => {
    await printA4();
    document.documentElement.style.colorScheme = 'dark';
    try {
      const el = await results();
      const sr = el.shadowRoot!;
      expect(getComputedStyle(el).colorScheme).to.equal('light');
      // The page's text is white; on paper the labels, headings and table read on white.
      expect(getComputedStyle(el).color).to.equal('rgb(255, 255, 255)');
      for (const [what, colour] of [
        ['axis labels', getComputedStyle(sr.querySelector('.labels')!).fill],
        ['scale', getComputedStyle(sr.querySelector('.scale')!).fill],
        ['heading', getComputedStyle(sr.querySelector('.heading')!).color],
        ['row header', getComputedStyle(sr.querySelector('tbody th')!).color],
        ['button', getComputedStyle(sr.querySelector('button')!).color],
      ]) {
        expect(contrastOnWhite(colour), `${what}: ${colour}`).to.be.at.least(4.5);
      }
    } finally {
      document.documentElement.style.colorScheme = '';
    }
  });
});

describe('<lc-partnership-matrix> printed', () => {
  // QA's map: 30 actors with long names across the seven sectors, a tie in every fifth pair.
  const sectors = DEFAULT_SECTORS;
  const actors: Actor[] = Array.from({ length: 30 }, (_, i) => ({
    id: `a${i}`,
    name: `Organisation number ${i} of the north district`,
    sector: sectors[i % 7],
  }));
  const ties: Tie[] = [];
  for (let i = 0; i < 30; i++) {
    for (let j = i + 1; j < 30; j++) {
      if ((i * 7 + j * 3) % 5 === 0) {
        ties.push({
          source: `a${i}`,
          target: `a${j}`,
          level: (1 + ((i + j) % 4)) as Tie['level'],
          independent: (i + j) % 3 === 0,
        });
      }
    }
  }

  async function matrix(): Promise<LcPartnershipMatrix> {
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} .actors=${actors} .ties=${ties}></lc-partnership-matrix>`,
    );
    await settle(el);
    return el;
  }

  for (const width of [718, 1047]) {
    it(`prints the whole grid of 30 actors, every row and column on the page (${width} px)`, async () => {
      await printA4(width);
      const el = await matrix();
      const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      // Inside the element, and not clipped by the grid's scrolling box.
      const inside = (what: string, r: DOMRect) => {
        expect(r.width, `${what}: width`).to.be.above(0);
        expect(r.height, `${what}: height`).to.be.above(0);
        for (const [name, box] of [
          ['element', el.getBoundingClientRect()],
          ['scroller', scroller.getBoundingClientRect()],
        ] as const) {
          expect(r.left, `${what}: left, in the ${name}`).to.be.at.least(box.left - 0.5);
          expect(r.right, `${what}: right, in the ${name}`).to.be.at.most(box.right + 0.5);
          expect(r.top, `${what}: top, in the ${name}`).to.be.at.least(box.top - 0.5);
          expect(r.bottom, `${what}: bottom, in the ${name}`).to.be.at.most(box.bottom + 0.5);
        }
      };
      const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="rowheader"]')];
      expect(rows).to.have.length(30);
      for (const [i, h] of rows.entries()) inside(`row ${i}`, h.getBoundingClientRect());
      const cols = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="columnheader"].col')];
      expect(cols).to.have.length(30);
      for (const [i, h] of cols.entries()) inside(`column ${i}`, h.getBoundingClientRect());
      // The last cell of the last row too.
      const cells = el.shadowRoot!.querySelectorAll<HTMLElement>('[role="gridcell"]');
      expect(cells).to.have.length(900);
      inside('last cell', cells[899].getBoundingClientRect());
      expect(scroller.scrollHeight, 'scroll height').to.be.at.most(scroller.clientHeight);
      expect(scroller.scrollWidth, 'scroll width').to.be.at.most(scroller.clientWidth);
    });
  }

  it('leaves out Send and the import and export of its data, not the grid or its figures', async () => {
    await printA4();
    const wrapper = await fixture<HTMLElement>(
      html`<lc-community community="print" round="r1" storage="none" endpoint="/__lc/collect/print-${uid()}">
        <lc-partnership-matrix draft-key=${uid()} .actors=${actors} .ties=${ties}></lc-partnership-matrix>
      </lc-community>`,
    );
    const el = wrapper.querySelector<LcPartnershipMatrix>('lc-partnership-matrix')!;
    await settle(el);
    const root = el.shadowRoot!;
    const visible = (selector: string) => !!root.querySelector(selector)?.checkVisibility();
    expect(root.querySelector('[part~="submit"]'), 'Send, rendered').to.exist;
    expect(root.querySelector('[part~="data"]'), 'import and export, rendered').to.exist;
    expect(visible('[part~="submit"]'), 'Send').to.be.false;
    expect(visible('[part~="data"]'), 'import and export').to.be.false;
    expect(visible('.scroller'), 'the grid').to.be.true;
    expect(visible('[part~="actors"]'), 'the actors').to.be.true;
  });

  it('prints the Actors panel open, closed on screen or not: each name and sector, without its fields and buttons', async () => {
    const few = smallActors.slice(0, 3);
    const closed = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} .actors=${few}></lc-partnership-matrix>`,
    );
    const open = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} .actors=${few}></lc-partnership-matrix>`,
    );
    // Opened on screen, before print media is emulated: nothing re-renders under it.
    open.shadowRoot!.querySelector<HTMLElement>('[part~="actors"] > summary')!.click();
    await settle(open);
    await settle(closed);
    const printed = (el: LcPartnershipMatrix) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('.printed-actors li')]
        .filter((li) => li.checkVisibility())
        .map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    const names = few.map((a) => a.name);
    expect(printed(closed), 'nothing extra on screen').to.deep.equal([]);
    expect(closed.shadowRoot!.querySelector('[part~="actors"]')!.hasAttribute('open')).to.be.false;

    await printA4();
    for (const [state, el] of [
      ['closed', closed],
      ['open', open],
    ] as const) {
      const root = el.shadowRoot!;
      const lines = printed(el);
      expect(lines, `${state}: the names, in order`).to.have.length(3);
      lines.forEach((line, i) => expect(line, `${state}: actor ${i + 1}`).to.contain(names[i]));
      expect(lines[0], `${state}: the sector`).to.contain('Public authority');
      for (const li of root.querySelectorAll<HTMLElement>('.printed-actors li')) {
        expect(li.getBoundingClientRect().height, `${state}: laid out`).to.be.above(0);
      }
      expect(root.querySelector('[part~="actors"]')!.hasAttribute('open'), `${state}: as it was on screen`).to.equal(
        state === 'open',
      );
      for (const selector of ['.add', '.actor-list', '[data-kind="remove"]']) {
        expect(!!root.querySelector(selector)?.checkVisibility(), `${state}: ${selector}`).to.be.false;
      }
    }
  });

  it('prints the level colours, the "without a public authority" mark and the legend with background graphics off', async () => {
    await printA4();
    const el = await matrix();
    const all = (selector: string) => {
      const found = [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
      expect(found, selector).to.not.be.empty;
      return found;
    };
    // What carries meaning is printed as it is painted, whatever the print settings say.
    const exact = (what: string, e: HTMLElement) =>
      expect(getComputedStyle(e).printColorAdjust, `${what}: print-color-adjust`).to.equal('exact');
    for (const level of [1, 2, 3, 4]) {
      for (const cell of all(`[role="gridcell"].l${level}`)) {
        exact(`level ${level}`, cell);
        expect(getComputedStyle(cell).backgroundColor, `level ${level}`).to.not.equal('rgba(0, 0, 0, 0)');
      }
    }
    for (const cell of all('[role="gridcell"].ind')) {
      exact('mark', cell);
      expect(getComputedStyle(cell).backgroundImage).to.contain('linear-gradient');
    }
    for (const swatch of all('.legend .swatch')) exact('legend', swatch);
    expect(getComputedStyle(all('.legend .swatch.ind')[0]).backgroundImage).to.contain('linear-gradient');
    for (const cell of all('.heatmap td[class^="h"]:not(.h-none)')) exact(`heatmap ${cell.className}`, cell);
  });

  it("prints the white digits of the heatmap's strongest links on their colour", async () => {
    await printA4();
    // Every pair of four actors in four sectors at level 4: the strongest links between sectors.
    const ids = smallActors.map((a) => a.id);
    const strong: Tie[] = ids.flatMap((a, i) =>
      ids.slice(i + 1).map((b) => ({ source: a, target: b, level: 4 as const, independent: false })),
    );
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} .actors=${smallActors} .ties=${strong}></lc-partnership-matrix>`,
    );
    await settle(el);
    const dark = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.heatmap .h4')];
    expect(dark).to.not.be.empty;
    for (const cell of dark) {
      const style = getComputedStyle(cell);
      expect(style.printColorAdjust).to.equal('exact');
      expect(style.color).to.equal('rgb(255, 255, 255)');
      expect(style.backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    }
  });
});

describe('<lc-self-rating> printed', () => {
  /** The checked option's dot: a background colour, printed whatever the print settings say. */
  function expectMarked(el: HTMLElement) {
    const option = el.shadowRoot!.querySelector<HTMLElement>('[role="radio"][aria-checked="true"]')!;
    expect(option, 'a checked option').to.exist;
    expect(getComputedStyle(option).printColorAdjust, 'option').to.equal('exact');
    const mark = getComputedStyle(option.querySelector('.mark')!);
    expect(mark.printColorAdjust, 'mark').to.equal('exact');
    expect(mark.backgroundColor, 'mark').to.not.equal('rgba(0, 0, 0, 0)');
    // The others stay empty rings.
    for (const other of el.shadowRoot!.querySelectorAll('[role="radio"][aria-checked="false"] .mark')) {
      expect(getComputedStyle(other).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    }
  }

  it('marks the chosen level on paper', async () => {
    await printA4();
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust" value="2"></lc-self-rating>`);
    await settle(el);
    expectMarked(el);
  });

  it('marks the chosen level on paper in an assessment', async () => {
    await printA4();
    const el = await mount({ storage: 'none' });
    await answer(el, IDS[0], '2');
    await settleAssessment(el);
    expectMarked(rating(el, IDS[0]));
  });
});

describe('long texts printed', () => {
  // Longer than a five-row field at 700 px in any font (60 words fitted in five rows of Liberation Serif).
  const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');

  /** Types `words` into the field (one input event); on screen it scrolls, on paper it is whole. */
  async function expectWhole(field: HTMLTextAreaElement, update: () => Promise<unknown>) {
    field.value = words;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await update();
    await emulateMedia({ media: 'screen' });
    expect(field.scrollHeight, `${field.id} on screen: the text is longer than the field`).to.be.above(
      field.clientHeight,
    );
    await emulateMedia({ media: 'print' });
    expect(field.clientHeight, `${field.id} printed`).to.be.at.least(field.scrollHeight);
  }

  it("prints a rating's comment whole", async () => {
    await printA4();
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust" comment></lc-self-rating>`);
    await settle(el);
    await expectWhole(el.shadowRoot!.querySelector('textarea')!, () => el.updateComplete);
  });

  it('prints the comments of an assessment whole', async () => {
    await printA4();
    const el = await mount({ storage: 'none', comment: true });
    const r = rating(el, IDS[0]);
    await expectWhole(r.shadowRoot!.querySelector('textarea')!, () => settleAssessment(el));
  });

  it("prints a journal entry's draft whole", async () => {
    await printA4();
    const wrapper = await fixture<HTMLElement>(
      html`<lc-community community="print" round="r1" storage="none">
        <lc-reflection-journal criterion="trust"></lc-reflection-journal>
      </lc-community>`,
    );
    const el = wrapper.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('lc-reflection-journal')!;
    await settle(el);
    const fields = [...el.shadowRoot!.querySelectorAll('textarea')];
    expect(fields.length).to.be.above(1);
    for (const field of fields) await expectWhole(field, () => el.updateComplete);
  });
});

describe('<lc-assessment layout="steps"> printed', () => {
  afterEach(clearHash);

  // The README says: a stepped assessment prints the step on screen, and its review step prints
  // every answer with its comment whole. This holds it to the second half.
  it('prints every answer and its whole comment from the review step', async () => {
    await printA4();
    const el = await mount({ layout: 'steps', storage: 'none', comment: true, allowPartial: true });
    const long = `${Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ')} END`;
    for (const id of IDS.slice(0, 3)) {
      el.goTo(id);
      await answer(el, id, '2');
      const field = rating(el, id).shadowRoot!.querySelector('textarea')!;
      field.value = `${id}: ${long}`;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await settleAssessment(el);
    }
    el.goTo('review');
    await hashIs('#lc-review');
    await settleAssessment(el);
    expect(part(el, 'form')!.checkVisibility(), 'the questions').to.be.false;
    const items = parts(el, 'summary-item');
    expect(items).to.have.length(12);
    for (const item of items) expect(item.checkVisibility(), item.textContent!).to.be.true;
    for (const id of IDS.slice(0, 3)) {
      const item = items.find((i) => i.textContent!.includes(`${id}: word0`))!;
      expect(item, id).to.exist;
      const comment = [...item.querySelectorAll('dd')].find((d) => d.textContent!.includes(long))!;
      expect(comment, `${id}: the whole comment`).to.exist;
      expect(comment.scrollHeight, id).to.be.at.most(comment.clientHeight);
      expect(comment.getBoundingClientRect().right, id).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    }
  });
});

describe('<lc-assessment layout="page"> printed', () => {
  it("keeps each rating's row of options on one page, and each question's heading with its card", async () => {
    await printA4();
    const el = await mount({ storage: 'none', comment: true });
    const questions = parts(el, 'question');
    expect(questions).to.have.length(12);
    for (const question of questions) {
      const id = question.dataset.criterion!;
      const style = (node: Element | null | undefined, what: string) => {
        expect(node, `${id}: ${what}`).to.exist;
        return getComputedStyle(node!);
      };
      expect(style(question.querySelector('[part~="step-heading"]'), 'heading').breakAfter).to.equal('avoid');
      const card = question.querySelector('lc-criterion-card')!;
      expect(style(card.shadowRoot!.querySelector('[part~="title"]'), 'card title').breakAfter).to.equal('avoid');
      expect(style(card.shadowRoot!.querySelector('[part~="question"]'), 'card question').breakAfter).to.equal('avoid');
      const r = rating(el, id).shadowRoot!;
      expect(style(r.querySelector('[part~="scale"]'), 'scale').breakInside).to.equal('avoid');
      const options = [...r.querySelectorAll('[part~="option"]')];
      expect(options).to.have.length(6);
      for (const option of options) expect(getComputedStyle(option).breakInside, `${id}: option`).to.equal('avoid');
      // The comment's label is not left at the foot of a page apart from its field.
      const comment = r.querySelector('[part~="comment"]')!.closest('.field');
      expect(style(comment, 'comment field').breakInside).to.equal('avoid');
    }
    // Nothing to press on paper: "Go to the review" and the like are left out.
    for (const pager of parts(el, 'pager')) expect(pager.checkVisibility()).to.be.false;
  });
});

describe('controls printed', () => {
  const visible = (node: Element | null | undefined) => !!node && node.checkVisibility();

  it('a compact card prints as it is shown, closed or open, without the button that opens it', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<lc-criterion-card criterion="trust" variant="compact"></lc-criterion-card>`,
    );
    const root = el.shadowRoot!;
    await printA4();
    expect(visible(root.querySelector('[part~="title"]')), 'the title').to.be.true;
    expect(visible(root.querySelector('[part~="question"]')), 'the question').to.be.true;
    expect(root.querySelector('[part~="summary"]'), 'the button, rendered').to.exist;
    expect(visible(root.querySelector('[part~="summary"]')), 'the button').to.be.false;
    await emulateMedia({ media: 'screen' });
    root.querySelector<HTMLButtonElement>('[part~="summary"]')!.click();
    await el.updateComplete;
    await printA4();
    for (const section of ['why', 'prompts', 'levels']) {
      expect(visible(root.querySelector(`[part~="${section}"]`)), section).to.be.true;
    }
    expect(visible(root.querySelector('[part~="summary"]')), 'the button, opened').to.be.false;
  });

  it('a rating leaves out its Send button, not the answer it states', async () => {
    await printA4();
    const wrapper = await fixture<HTMLElement>(
      html`<lc-community community="print" round="r1" storage="none" endpoint="/__lc/collect/print-${uid()}">
        <lc-self-rating criterion="trust" value="3"></lc-self-rating>
      </lc-community>`,
    );
    const el = wrapper.querySelector<LcSelfRating>('lc-self-rating')!;
    await settle(el);
    const root = el.shadowRoot!;
    expect(root.querySelector('[part~="submit"]'), 'rendered').to.exist;
    expect(visible(root.querySelector('[part~="submit"]')), 'Send').to.be.false;
    expect(visible(root.querySelector('[part~="answer"]')), 'the answer').to.be.true;
    expect(root.querySelector('[part~="answer"]')!.textContent).to.contain('Tested and challenged');
  });

  it('a journal leaves out its buttons and download links, not its entries', async () => {
    await printA4();
    const wrapper = await fixture<HTMLElement>(
      html`<lc-community community="print" round="r1" storage="none" endpoint="/__lc/collect/print-${uid()}">
        <lc-reflection-journal entries-src="/test/fixtures/journal-entries.json"></lc-reflection-journal>
      </lc-community>`,
    );
    const el = wrapper.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('lc-reflection-journal')!;
    const root = el.shadowRoot!;
    await waitFor(() => root.querySelectorAll('[part="entry"]').length === 3, 'the entries');
    const title = root.querySelector<HTMLInputElement>('#title')!;
    title.value = 'A draft';
    title.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await settle(el);
    const links = [...root.querySelectorAll('[part~="export"]')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(['Download as Markdown', 'Download as JSON']);
    for (const link of links) expect(visible(link), link.textContent!).to.be.false;
    for (const name of ['submit', 'discard']) {
      expect(root.querySelector(`[part~="${name}"]`), `${name}: rendered`).to.exist;
      expect(visible(root.querySelector(`[part~="${name}"]`)), name).to.be.false;
    }
    for (const entry of root.querySelectorAll('[part="entry"]')) expect(visible(entry)).to.be.true;
    expect(visible(root.querySelector('[part~="filter"]')), 'which entries are shown').to.be.true;
  });

  it('results leave out the comparison picker and their buttons; the round compared with is still named', async () => {
    const community = `print-${uid()}`;
    const answers = (level: number) =>
      ['trust', 'inclusion', 'initiatives'].map((criterion) => [criterion, level] as const);
    await seedReference(community, 'r-then', answers(1));
    await seedReference(community, 'r-now', answers(3));
    const src = `/__lc/reference/api/results?community=${community}&round=r-now`;
    const el = await fixture<LcResults>(
      html`<lc-results src=${src} compare-round="r-then" min-group="1" locale="en"></lc-results>`,
    );
    await waitFor(() => el.shadowRoot!.querySelector('td.change'), 'the compared round');
    await settle(el);
    const root = el.shadowRoot!;
    const controls = [...root.querySelectorAll('[part~="toolbar"] select, [part~="toolbar"] button')];
    expect(controls.map((c) => (c.localName === 'select' ? 'select' : c.textContent!.trim()))).to.deep.equal([
      'select',
      'Hide chart',
      'Download figures (CSV)',
      'Download chart (SVG)',
    ]);
    const printed = () => root.querySelector<HTMLElement>('[part~="base"]')!.innerText;
    await printA4();
    for (const control of controls) expect(visible(control), control.textContent!).to.be.false;
    expect(printed()).to.contain('Change since round r-then');
    expect(printed()).to.contain('Round r-then');
    // The chart hidden on screen, the table still names the round.
    await emulateMedia({ media: 'screen' });
    (controls[1] as HTMLButtonElement).click();
    await settle(el);
    await printA4();
    expect(printed()).to.not.contain('Round r-then (dashed line)');
    expect(printed()).to.contain('Change since round r-then');
  });
});

/** The contrast of a CSS colour (any syntax, opaque or not) drawn on white. */
function contrastOnWhite(colour: string): number {
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 1, 1);
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}
