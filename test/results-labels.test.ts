// <lc-results>: the radar's axis labels stay readable (none overlaps another, none is cut off) with
// the whole Common Criteria set, at 320 CSS px and at a normal width, in every built-in locale.
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/community/define.js';
import '../src/components/results/define.js';
import type { LcResults } from '../src/components/results/lc-results.js';
import { waitFor } from './support/helpers.js';

/** The twelve criteria of the built-in set, in its order. */
const ALL = '/test/fixtures/results-all-criteria.json';
/** The same twelve criteria with Arabic titles: right-to-left labels. */
const ARABIC_SET = '/test/fixtures/criteria-ar.json';
/** ALL, answered with that set (its own id, "common-criteria-ar"), as the collector names it. */
const ARABIC_ALL = '/test/fixtures/results-all-criteria-ar.json';

interface Case {
  name: string;
  locale: string;
  criteria?: string;
  /** A title of the set in that language, to know its titles have arrived. */
  title: string;
  /** The results, if not the twelve criteria (ALL). */
  src?: string;
}
const CASES: Case[] = [
  { name: 'en', locale: 'en', title: 'Trust' },
  { name: 'da', locale: 'da', title: 'Tillid' },
  { name: 'de', locale: 'de', title: 'Vertrauen' },
  { name: 'ar (built-in criteria, English titles)', locale: 'ar', title: 'Trust' },
  { name: 'ar (Arabic criteria)', locale: 'ar', criteria: ARABIC_SET, title: 'الثقة', src: ARABIC_ALL },
];

async function render(c: Case, width: number): Promise<LcResults> {
  const host = await fixture<HTMLElement>(
    html`<div style="inline-size: ${width}px; font-family: 'DejaVu Sans', sans-serif">
      <lc-community locale=${c.locale} criteria=${ifDefined(c.criteria)}>
        <lc-results src=${c.src ?? ALL}></lc-results>
      </lc-community>
    </div>`,
  );
  const el = host.querySelector('lc-results')!;
  const row = () => el.shadowRoot!.querySelector('tr[data-criterion="trust"] th');
  await waitFor(() => el.shadowRoot!.querySelector('svg.chart .point'), 'the chart points');
  await waitFor(() => row()?.textContent?.includes(c.title), `the criteria in ${c.name}`);
  while (!(await el.updateComplete));
  // The chart takes its layout from its area's width, which a ResizeObserver reports after a
  // frame (and the switch is made in a task of its own): the figures as they settle.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 20))));
  while (!(await el.updateComplete));
  return el;
}

const intersect = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Checks what a reader sees of the labels; returns them. */
function expectReadableLabels(el: LcResults, minFontPx: number): SVGTextElement[] {
  const chart = el.shadowRoot!.querySelector<SVGSVGElement>('svg.chart')!;
  const labels = [...chart.querySelectorAll<SVGTextElement>('text.axis-label')];
  const rows = [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('table.figures tbody tr')];
  expect(labels.length, 'one label per axis').to.equal(rows.length);
  const boxes = labels.map((l) => l.getBoundingClientRect());
  const text = (i: number) => labels[i]!.textContent!;
  // No two labels overlap.
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(intersect(boxes[i]!, boxes[j]!), `"${text(i)}" overlaps "${text(j)}"`).to.be.false;
    }
  }
  // Each is inside the chart (not cut off by its viewBox) and inside the element (no sideways scroll).
  const svgBox = chart.getBoundingClientRect();
  const hostBox = el.getBoundingClientRect();
  for (const [i, b] of boxes.entries()) {
    expect(b.left, text(i)).to.be.at.least(Math.max(svgBox.left, hostBox.left) - 0.5);
    expect(b.right, text(i)).to.be.at.most(Math.min(svgBox.right, hostBox.right) + 0.5);
    expect(b.top, text(i)).to.be.at.least(svgBox.top - 0.5);
    expect(b.bottom, text(i)).to.be.at.most(svgBox.bottom + 0.5);
  }
  // Text of a readable size on screen (the wide layout's is smaller, with more room around it).
  const scale = svgBox.width / chart.viewBox.baseVal.width;
  for (const label of labels) {
    const size = parseFloat(getComputedStyle(label).fontSize) * scale;
    expect(size, `font size of "${label.textContent}"`).to.be.at.least(minFontPx);
  }
  // Each label is its criterion's title (perhaps wrapped, or cut with an ellipsis), or the number
  // its row carries in the table.
  labels.forEach((label, i) => {
    const title = rows[i]!.querySelector('th [dir="auto"]')!.textContent!.replace(/\s+/g, '');
    const key = rows[i]!.querySelector('th .key')?.textContent?.trim();
    const shown = label.textContent!.replace(/\s+/g, '').replace(/…$/, '');
    if (key) expect(shown, `label ${i}`).to.equal(key);
    else expect(title.startsWith(shown) && shown.length > 0, `label ${i}: "${shown}" of "${title}"`).to.be.true;
  });
  return labels;
}

describe('<lc-results> axis labels with twelve criteria', () => {
  for (const c of CASES) {
    it(`are readable at 320 px in ${c.name}`, async () => {
      const el = await render(c, 320);
      expectReadableLabels(el, 11);
    });
  }

  it('are numbered as the table rows when the titles do not fit, and the chart says so', async () => {
    const el = await render(CASES[2]!, 320);
    const rows = [...el.shadowRoot!.querySelectorAll('table.figures tbody tr')];
    const labels = [...el.shadowRoot!.querySelectorAll('svg.chart text.axis-label')];
    expect(labels.map((l) => l.textContent!.trim())).to.deep.equal(rows.map((_, i) => String(i + 1)));
    // The number is part of the row header, so the table and the chart's points are read the same way.
    expect(rows[8]!.querySelector('th')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('9 Vertrauen');
    expect(el.shadowRoot!.getElementById('chart-desc')!.textContent).to.contain('nummeriert');
    // The labels stay hidden from assistive technology: each point's name holds the full title.
    expect(el.shadowRoot!.querySelector('svg.chart .labels')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('svg.chart .point')[8]!.getAttribute('aria-label')).to.match(/^Vertrauen:/);
    await expect(el).to.be.accessible();
  });

  it('numbers Arabic labels with the locale’s digits, and passes axe', async () => {
    const el = await render(CASES[4]!, 320);
    const digits = new Intl.NumberFormat('ar').format(9);
    expect(el.shadowRoot!.querySelectorAll('svg.chart text.axis-label')[8]!.textContent!.trim()).to.equal(digits);
    expect(el.shadowRoot!.querySelector('tr[data-criterion="trust"] th .key')!.textContent!.trim()).to.equal(digits);
    await expect(el).to.be.accessible();
  });

  for (const c of [CASES[2]!, CASES[4]!]) {
    it(`keep the titles at a normal width in ${c.name}`, async () => {
      const el = await render(c, 1000);
      expectReadableLabels(el, 9);
      expect(el.shadowRoot!.querySelector('th .key'), 'no numbers in the table').to.be.null;
      const trust = [...el.shadowRoot!.querySelectorAll('svg.chart text.axis-label')][8]!;
      expect(trust.textContent).to.equal(c.title);
    });
  }

  it('goes back to the titles when its column widens', async () => {
    const el = await render(CASES[2]!, 320);
    expect(el.shadowRoot!.querySelector('th .key')).to.exist;
    el.parentElement!.parentElement!.style.inlineSize = '1000px';
    await waitFor(() => !el.shadowRoot!.querySelector('th .key'), 'the titles');
    while (!(await el.updateComplete));
    expectReadableLabels(el, 9);
  });

  // A reader's style sheet (WCAG 1.4.12) or a larger font, applied after the chart was drawn, with
  // no change to the element's properties: the labels grow, and the chart must take them in again.
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))));
  for (const [name, change] of [
    [
      'the text spacing of WCAG 1.4.12',
      (el: LcResults) => {
        const style = document.createElement('style');
        style.textContent = '* { letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }';
        el.shadowRoot!.append(style);
      },
    ],
    ['a larger font', (el: LcResults) => (el.style.fontSize = '125%')],
  ] as const) {
    for (const [c, width] of [
      [CASES[0]!, 320],
      // Five criteria: at 320 px their titles are drawn, not numbered ("Gemeinschaftssinn" was cut).
      [{ ...CASES[2]!, name: 'de (five criteria)', src: '/test/fixtures/results-2026-spring.json' }, 320],
      [CASES[2]!, 1000],
      [CASES[4]!, 1000],
    ] as const) {
      it(`take in ${name} applied after they were drawn, in ${c.name} at ${width} px`, async () => {
        const el = await render(c, width);
        const minFontPx = width < 400 ? 11 : 9;
        expectReadableLabels(el, minFontPx);
        change(el);
        await frames();
        while (!(await el.updateComplete));
        await frames();
        // Wider letters take more room: the chart is scaled down a little to hold them, as it is
        // when the spacing is there from the start (10.4 px at 320 px in German).
        expectReadableLabels(el, minFontPx - 1);
      });
    }
  }

  it('settles when the labels measure a unit differently at each scale (no endless re-render)', async () => {
    // Text measures a hair differently at each scale the viewBox gives the chart. Chromium was seen
    // to measure twelve Arabic titles 83 units past the left edge at one scale and 84 at the next:
    // fitted to the unit each time, the chart re-rendered between the two for ever, in microtasks,
    // and the page froze. Here the labels' box flips between those two on every measurement.
    const el = await render(CASES[4]!, 1000);
    const proto = SVGGraphicsElement.prototype;
    const real = proto.getBBox;
    let measured = 0;
    proto.getBBox = function (this: SVGGraphicsElement, options?: SVGBoundingBoxOptions) {
      const box = real.call(this, options);
      if (!this.classList.contains('labels')) return box;
      measured++;
      // After 40 measurements the flipping stops, so that a failing run ends instead of hanging.
      const left = measured > 40 ? 84 : 83 + (measured % 2);
      return new DOMRect(-left, box.y, box.width + box.x + left, box.height);
    };
    try {
      el.requestUpdate();
      while (!(await el.updateComplete));
    } finally {
      proto.getBBox = real;
    }
    expect(measured, 'measurements of the labels before the chart settled').to.be.below(6);
    const viewBox = el.shadowRoot!.querySelector<SVGSVGElement>('svg.chart')!.viewBox.baseVal;
    expect(viewBox.x, 'the room taken for the labels: the larger of the two').to.equal(-84);
  });
});

/** Each criterion's title, as its row in the table shows it (without the row's number). */
const tableTitles = (el: LcResults) =>
  [...el.shadowRoot!.querySelectorAll('table.figures tbody tr th [dir="auto"]')].map((t) => t.textContent!.trim());
const squeeze = (s: string | null) => (s ?? '').replace(/\s+/g, '');

/**
 * Parses the chart's export, checks it is an SVG document a browser shows on its own, and draws it
 * in the page (outside the element), to measure where its text falls.
 */
async function exportedChart(el: LcResults): Promise<SVGSVGElement> {
  const text = el.toSVG();
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), 'well-formed').to.equal(null);
  expect(doc.documentElement.namespaceURI).to.equal('http://www.w3.org/2000/svg');
  expect(doc.documentElement.firstElementChild!.localName).to.equal('title');
  expect(doc.querySelectorAll('[class], [id], [style], script, foreignObject')).to.have.length(0);
  // The file as an image: it decodes, standalone, with its own size.
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  await image.decode();
  expect(image.naturalWidth).to.be.above(0);
  URL.revokeObjectURL(image.src);
  const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
  const host = await fixture<HTMLElement>(html`<div></div>`);
  host.append(svg);
  return svg;
}

/** Every text of the exported chart lies inside its viewBox (nothing cut off when opened). */
function expectTextInside(svg: SVGSVGElement): void {
  const view = svg.viewBox.baseVal;
  for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
    const b = t.getBBox();
    const what = `"${t.textContent}"`;
    expect(b.x, what).to.be.at.least(view.x - 0.5);
    expect(b.y, what).to.be.at.least(view.y - 0.5);
    expect(b.x + b.width, what).to.be.at.most(view.x + view.width + 0.5);
    expect(b.y + b.height, what).to.be.at.most(view.y + view.height + 0.5);
  }
}

describe('<lc-results> chart export with twelve criteria', () => {
  for (const c of [CASES[0]!, CASES[2]!, CASES[3]!, CASES[4]!]) {
    it(`names every numbered axis in the file itself at 320 px in ${c.name}`, async () => {
      const el = await render(c, 320);
      expect(el.shadowRoot!.querySelector('th .key'), 'numbered on screen').to.exist;
      const titles = tableTitles(el);
      const numbers = [...el.shadowRoot!.querySelectorAll('th .key')].map((k) => k.textContent!.trim());
      const svg = await exportedChart(el);
      const texts = [...svg.querySelectorAll('text')];
      // Each number is paired with its criterion's title: a key entry reads "9 Vertrauen".
      titles.forEach((title, i) => {
        const entry = texts.find(
          (t) =>
            t.textContent!.trim() === numbers[i] &&
            t.parentElement!.localName === 'g' &&
            squeeze(t.parentElement!.textContent) === squeeze(`${numbers[i]}${title}`),
        );
        expect(entry, `a key entry "${numbers[i]} ${title}"`).to.exist;
        const titleText = [...entry!.parentElement!.querySelectorAll('text')].find((t) => t !== entry)!;
        // The title in its own language and direction (Arabic titles run right to left).
        const rtl = c.criteria === ARABIC_SET;
        expect(titleText.closest('[lang]')!.getAttribute('lang'), title).to.equal(
          rtl ? 'ar' : c.locale === 'ar' ? 'en' : c.locale,
        );
        expect(titleText.closest('[direction]')!.getAttribute('direction'), title).to.equal(rtl ? 'rtl' : 'ltr');
      });
      // What the file says of itself does not point to a table it does not have, nor to keys to press.
      const desc = svg.querySelector('desc')!.textContent!;
      expect(desc).not.to.contain(el.shadowRoot!.getElementById('chart-desc')!.textContent!.split('. ').pop()!);
      expectTextInside(svg);
    });
  }

  it('keeps the titles at the axes when they fit (1000 px, Arabic)', async () => {
    const el = await render(CASES[4]!, 1000);
    const svg = await exportedChart(el);
    const all = squeeze(svg.textContent);
    for (const title of tableTitles(el)) expect(all, title).to.contain(squeeze(title));
    expectTextInside(svg);
  });
});
