// Printing: each element under print media, at the width of an A4 page (718 px at 96 dpi, less
// Chromium's default margins), as QA printed them with the default settings (background graphics
// off). What a page prints is read from the layout (boxes, scroll sizes) and the computed styles.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../src/components/results/define.js';
import type { LcResults } from '../src/components/results/lc-results.js';
import { waitFor } from './support/helpers.js';

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
