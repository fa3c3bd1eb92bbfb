// Every element, dropped into the kinds of host page QA found it on: a CMS page whose root font
// size is 62.5 %, and one whose text is larger than the root's. No --lc-* token is set anywhere:
// the defaults must hold on their own.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { html, render } from 'lit';
import '../src/components/assessment/define.js';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/partnership-matrix/define.js';
import '../src/components/reflection-journal/define.js';
import '../src/components/results/define.js';
import '../src/components/self-rating/define.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { smallActors } from './partnership-matrix-support.js';
import { newBucket, waitFor } from './support/helpers.js';

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

let container: HTMLElement | undefined;
let pageStyle: HTMLStyleElement | undefined;
let meta: HTMLMetaElement | undefined;

/** The host page's own style sheet (and, if asked, its color-scheme meta tag). */
function hostPage(css: string, metaScheme?: string) {
  pageStyle = document.createElement('style');
  pageStyle.textContent = css;
  document.head.append(pageStyle);
  if (metaScheme) {
    meta = document.createElement('meta');
    meta.name = 'color-scheme';
    meta.content = metaScheme;
    document.head.append(meta);
  }
}

/** Every Lit element under `root`, through shadow roots. */
function litElements(root: ParentNode): Updating[] {
  const found: Updating[] = [];
  for (const el of root.querySelectorAll('*')) {
    if ('updateComplete' in el) found.push(el as Updating);
    if (el.shadowRoot) found.push(...litElements(el.shadowRoot));
  }
  return found;
}

async function settle(root: ParentNode) {
  for (let i = 0; i < 3; i++) await Promise.all(litElements(root).map((el) => el.updateComplete));
}

/**
 * Every element with data, in the states whose colours differ: a checked option, a required rating
 * left unanswered and a bad evidence link (field errors), a matrix with every level and a focused
 * cell, journal entries, an assessment step, results compared with a round before and their
 * anonymity note.
 */
async function mountAll() {
  const bucket = newBucket('host-pages');
  container = document.createElement('div');
  document.body.append(container);
  render(
    html`<div class="host">
      <lc-community community=${bucket.name} round="r1" storage="none" endpoint=${bucket.endpoint}>
        <lc-criterion-card criterion="trust"></lc-criterion-card>
        <lc-self-rating criterion="inclusion" comment evidence value="3"></lc-self-rating>
        <lc-self-rating id="invalid" criterion="initiatives" evidence required></lc-self-rating>
        <lc-partnership-matrix layout="grid"></lc-partnership-matrix>
        <lc-reflection-journal
          criterion="trust"
          draft-key=${`${bucket.name}-journal`}
          entries-src="/test/fixtures/journal-entries.json"
        ></lc-reflection-journal>
        <lc-assessment layout="steps"></lc-assessment>
        <lc-results
          src="/test/fixtures/results-2026-spring.json"
          compare-src="/test/fixtures/results-2025-autumn.json"
        ></lc-results>
      </lc-community>
    </div>`,
    container,
  );
  const $ = <T extends Element>(selector: string) => container!.querySelector<T>(selector)!;
  const matrix = $<HTMLElement & { actors: unknown; ties: unknown } & Updating>('lc-partnership-matrix');
  matrix.actors = smallActors;
  matrix.ties = [
    { source: 'town', target: 'college', level: 1, independent: false },
    { source: 'town', target: 'bank', level: 2, independent: true },
    { source: 'town', target: 'club', level: 3, independent: false },
    { source: 'college', target: 'bank', level: 4, independent: true },
  ];
  const invalid = $<LcSelfRating>('#invalid');
  invalid.evidenceUrl = 'not a link';
  await settle(container);
  invalid.dispatchEvent(new Event('invalid'));
  await $<LcAssessment>('lc-assessment').answersRestored;
  const results = $<Updating>('lc-results');
  const journal = $<Updating>('lc-reflection-journal');
  await waitFor(() => results.shadowRoot!.querySelector('path.compare-line'), 'the results and the compared round');
  await waitFor(() => journal.shadowRoot!.querySelectorAll('[part="entry"]').length > 0, 'the journal entries');
  await settle(container);
  matrix.shadowRoot!.querySelector<HTMLElement>('[role="gridcell"]:not(.self)')!.focus();
  await settle(container);
  return container;
}

afterEach(async () => {
  container?.remove();
  pageStyle?.remove();
  meta?.remove();
  container = pageStyle = meta = undefined;
  await emulateMedia({ colorScheme: 'light' });
});

// ---- font sizes ---------------------------------------------------------------------------------

/** The computed font size (px) of the first match of `selector` in `tag`'s shadow root. */
function fontSize(root: HTMLElement, tag: string, selector: string): number {
  const el = root.querySelector(tag)!.shadowRoot!.querySelector(selector);
  if (!el) throw new Error(`${tag}: nothing matches ${selector}`);
  return parseFloat(getComputedStyle(el).fontSize);
}

describe('the elements on a page whose root font size is not its text size', () => {
  it('html { font-size: 62.5% } body { font-size: 16px }: nothing shrinks to the root size', async () => {
    hostPage('html { font-size: 62.5%; } body { font-size: 16px; }');
    const root = await mountAll();
    const body = 16;
    const sizes = {
      'card title': fontSize(root, 'lc-criterion-card', '[part~="title"]'),
      'card question': fontSize(root, 'lc-criterion-card', '[part~="question"]'),
      'rating label': fontSize(root, 'lc-self-rating', '[part~="label"]'),
      'rating option': fontSize(root, 'lc-self-rating', '[part~="option"]'),
      'rating ring': parseFloat(
        getComputedStyle(root.querySelector('lc-self-rating')!.shadowRoot!.querySelector('.mark')!).inlineSize,
      ),
      'matrix row header': fontSize(root, 'lc-partnership-matrix', '.rh'),
      'matrix column header': fontSize(root, 'lc-partnership-matrix', '.col > span'),
      'matrix cell': fontSize(root, 'lc-partnership-matrix', '[role="gridcell"]'),
      'matrix legend': fontSize(root, 'lc-partnership-matrix', '.legend'),
      'results heading': fontSize(root, 'lc-results', '.heading'),
      'results column header': fontSize(root, 'lc-results', 'thead th'),
      'results cell': fontSize(root, 'lc-results', 'tbody td'),
      'results count': fontSize(root, 'lc-results', 'td .n'),
      'results legend': fontSize(root, 'lc-results', '.legend'),
      'assessment step heading': fontSize(root, 'lc-assessment', '[part~="step-heading"]'),
    };
    const small = Object.entries(sizes).filter(([, px]) => px < 0.8 * body);
    expect(small, 'sizes under 0.8 × the body text').to.deep.equal([]);
    expect(sizes['card title']).to.be.above(body);
    // A cell stays a 44 px target.
    const cell = root.querySelector('lc-partnership-matrix')!.shadowRoot!.querySelector('[role="gridcell"]')!;
    expect(cell.getBoundingClientRect().width).to.be.at.least(44);
  });

  it('body { font-size: 20px }: titles are larger than the page text, and texts follow it', async () => {
    hostPage('body { font-size: 20px; }');
    const root = await mountAll();
    expect(fontSize(root, 'lc-criterion-card', '[part~="title"]')).to.be.above(20);
    expect(fontSize(root, 'lc-self-rating', '[part~="label"]')).to.be.above(20);
    expect(fontSize(root, 'lc-results', '.heading')).to.be.above(20);
    expect(fontSize(root, 'lc-criterion-card', '[part~="question"]')).to.be.at.least(20);
    expect(fontSize(root, 'lc-partnership-matrix', '.rh')).to.be.at.least(16);
    expect(fontSize(root, 'lc-results', 'thead th')).to.be.at.least(16);
  });
});
