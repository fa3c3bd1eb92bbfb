// Every element in a partner organisation's sidebar: a 280 px column and a large serif page font
// (the partner's 22 px, and 32 px as a person may set it), in Danish and German, whose long words
// ("Refleksionsjournal", "Partnerschaften") in a heading are wider than the column. Nothing may be
// drawn past the column: the page would scroll sideways (WCAG 1.4.10), as QA found the journal's
// heading made it.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import '../src/components/assessment/define.js';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/partnership-matrix/define.js';
import '../src/components/reflection-journal/define.js';
import '../src/components/results/define.js';
import '../src/components/self-rating/define.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import { smallActors, smallTies } from './partnership-matrix-support.js';
import { newBucket, settle, waitFor, type Updating } from './support/helpers.js';

const COLUMN = 280;
const TAGS = [
  'lc-criterion-card',
  'lc-self-rating',
  'lc-reflection-journal',
  'lc-assessment',
  'lc-partnership-matrix',
  'lc-results',
] as const;

let container: HTMLElement | undefined;

afterEach(() => {
  container?.remove();
  container = undefined;
});

/** Each element alone in its own column, as a partner's sidebar holds it, with its data loaded. */
async function mountColumns(locale: string, size: number) {
  const bucket = newBucket('narrow');
  container = document.createElement('div');
  document.body.append(container);
  const column = (content: unknown) =>
    html`<aside style="inline-size: ${COLUMN}px; font: ${size}px 'DejaVu Serif', serif">
      <lc-community community=${bucket.name} round="r1" storage="none" endpoint=${bucket.endpoint} locale=${locale}>
        ${content}
      </lc-community>
    </aside>`;
  render(
    html`${column(html`<lc-criterion-card criterion="trust"></lc-criterion-card>`)}
    ${column(html`<lc-self-rating criterion="trust" comment evidence></lc-self-rating>`)}
    ${column(
      html`<lc-reflection-journal
        criterion="trust"
        heading-level="2"
        entries-src="/test/fixtures/journal-entries.json"
      ></lc-reflection-journal>`,
    )}
    ${column(html`<lc-assessment></lc-assessment>`)} ${column(html`<lc-partnership-matrix></lc-partnership-matrix>`)}
    ${column(html`<lc-results src="/test/fixtures/results-2026-spring.json"></lc-results>`)}`,
    container,
  );
  const matrix = container.querySelector<Updating & { actors: unknown; ties: unknown }>('lc-partnership-matrix')!;
  matrix.actors = smallActors;
  matrix.ties = smallTies;
  await settle(container);
  await container.querySelector<LcAssessment>('lc-assessment')!.answersRestored;
  const shadow = (tag: string) => container!.querySelector(tag)!.shadowRoot!;
  await waitFor(() => shadow('lc-results').querySelector('svg.chart'), 'the results');
  await waitFor(() => shadow('lc-reflection-journal').querySelectorAll('[part="entry"]').length > 0, 'the entries');
  await settle(container);
  return container;
}

/** Whether `node` sits in a region of its own that scrolls (a wide table does, by design). */
function scrolls(node: Element): boolean {
  for (let n = node.parentElement; n; n = n.parentElement) {
    if (getComputedStyle(n).overflowX !== 'visible') return true;
  }
  return false;
}

/** Whether `node` is out of sight (an empty live region waiting, clipped to nothing). */
function clipped(node: Element): boolean {
  for (let n: Element | null = node; n; n = n.parentElement) {
    if (getComputedStyle(n).clipPath !== 'none') return true;
  }
  return false;
}

/** Everything drawn past the column, through nested shadow roots, with its text. */
function pastTheColumn(column: Element): string[] {
  const { left, right } = column.getBoundingClientRect();
  const found: string[] = [];
  const walk = (root: ParentNode) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.shadowRoot) walk(node.shadowRoot);
      const box = node.getBoundingClientRect();
      if (!box.width || scrolls(node) || clipped(node) || node.closest('dialog')) continue;
      if (box.right > right + 0.5 || box.left < left - 0.5) {
        const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
        found.push(`${node.localName}.${node.getAttribute('part') ?? node.getAttribute('class') ?? ''} "${text}"`);
      }
    }
  };
  walk(column.querySelector(TAGS.join(', '))!.shadowRoot!);
  return found;
}

describe('the elements in a 280 px sidebar with a large serif page font', () => {
  for (const [locale, size] of [
    ['da', 22],
    ['de', 22],
    ['da', 32],
    ['de', 32],
  ] as const) {
    it(`${locale}, ${size} px: no element is wider than the column, headings wrap their long words`, async () => {
      const root = await mountColumns(locale, size);
      const columns = [...root.querySelectorAll('aside')];
      expect(columns).to.have.length(TAGS.length);
      const widths: Record<string, number> = {};
      const outside: Record<string, string[]> = {};
      for (const column of columns) {
        const el = column.querySelector<HTMLElement>(TAGS.join(', '))!;
        widths[el.localName] = el.getBoundingClientRect().width;
        outside[el.localName] = pastTheColumn(column).slice(0, 5);
      }
      expect(widths).to.deep.equal(Object.fromEntries(TAGS.map((tag) => [tag, COLUMN])));
      expect(outside).to.deep.equal(Object.fromEntries(TAGS.map((tag) => [tag, []])));
      // A heading's long word wraps inside the heading, not out of it.
      const headings = [...root.querySelectorAll(TAGS.join(', '))].flatMap((el) =>
        [...el.shadowRoot!.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')]
          .filter((h) => h.getBoundingClientRect().width && !clipped(h))
          .filter((h) => h.scrollWidth > h.clientWidth)
          .map((h) => `${el.localName} ${h.localName} "${h.textContent!.trim()}"`),
      );
      expect(headings).to.deep.equal([]);
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(window.innerWidth);
    });
  }
});
