// Every element, dropped into the kinds of host page QA found it on: a page that declares a dark
// colour scheme (by a meta tag, seen with a dark system setting, or by CSS), a page dark by its
// colours alone, a CMS page whose root font size is 62.5 %, and a `white-space: nowrap` container
// at 320 px. No --lc-* token is set anywhere: the defaults must hold on their own.
import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { html, render } from 'lit';
import 'axe-core/axe.min.js';
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
import { newBucket, settle, waitFor, type Updating } from './support/helpers.js';

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

// ---- colours ------------------------------------------------------------------------------------

const TAGS = [
  'lc-criterion-card',
  'lc-self-rating',
  'lc-partnership-matrix',
  'lc-reflection-journal',
  'lc-assessment',
  'lc-results',
] as const;

type RGBA = [number, number, number, number];

const paint = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true })!;

/** A computed colour (`rgb(…)`, or the `oklab(…)`, `color(srgb …)` color-mix() computes to) as sRGB, 0–1. */
function parseColour(value: string): RGBA {
  const rgb = /^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/.exec(value);
  if (rgb) return [+rgb[1]! / 255, +rgb[2]! / 255, +rgb[3]! / 255, rgb[4] === undefined ? 1 : +rgb[4]];
  // Anything else: as the browser paints it.
  paint.clearRect(0, 0, 1, 1);
  paint.fillStyle = '#010203';
  paint.fillStyle = value;
  if (paint.fillStyle === '#010203' && value !== '#010203') throw new Error(`a colour this test cannot read: ${value}`);
  paint.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
  return [r! / 255, g! / 255, b! / 255, a! / 255];
}

/** `top` painted over the opaque `bottom`. */
const over = (top: RGBA, bottom: RGBA): RGBA => [
  top[0] * top[3] + bottom[0] * (1 - top[3]),
  top[1] * top[3] + bottom[1] * (1 - top[3]),
  top[2] * top[3] + bottom[2] * (1 - top[3]),
  1,
];

function luminance([r, g, b]: RGBA): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The parent in the rendered (flat) tree: a slotted node's slot, a shadow root's host. */
function flatParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/** What the page itself is painted with where nothing else is: its canvas, in its used scheme. */
function canvas(): RGBA {
  const probe = document.createElement('div');
  probe.style.backgroundColor = 'Canvas';
  document.documentElement.append(probe);
  const colour = parseColour(getComputedStyle(probe).backgroundColor);
  probe.remove();
  return colour;
}

/** The colour behind `el`: its own background and its ancestors', up to the first opaque one, or the canvas. */
function backgroundOf(el: Element): RGBA {
  const layers: RGBA[] = [];
  for (let node: Element | null = el; node; node = flatParent(node)) {
    const colour = parseColour(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] === 1) break;
  }
  if (!layers.length || layers[layers.length - 1]![3] < 1) layers.push(canvas());
  return layers.reduceRight((below, layer) => over(layer, below));
}

/** The product of the opacities of `el` and its ancestors. */
function opacityOf(el: Element): number {
  let opacity = 1;
  for (let node: Element | null = el; node; node = flatParent(node)) opacity *= +getComputedStyle(node).opacity;
  return opacity;
}

/** Inside a box of 1 px that hides its overflow: text for screen readers only. */
function visuallyHidden(el: Element): boolean {
  for (let node: Element | null = el; node && !node.localName.startsWith('lc-'); node = flatParent(node)) {
    const box = node.getBoundingClientRect();
    if ((box.width <= 1 || box.height <= 1) && getComputedStyle(node).overflow !== 'visible') return true;
  }
  return false;
}

/** Disabled controls are exempt from the contrast minimum (WCAG 1.4.3). */
const disabled = (el: Element) => !!el.closest('[aria-disabled="true"], :disabled');

interface TextContrast {
  element: string;
  where: string;
  text: string;
  ratio: number;
  needed: number;
}

/** Every visible text in the shadow roots under `root`, with its contrast against what is behind it. */
function textContrasts(root: ParentNode, element = ''): TextContrast[] {
  const found: TextContrast[] = [];
  for (const host of root.querySelectorAll('*')) {
    if (!host.shadowRoot) continue;
    const name = host.localName.startsWith('lc-') ? host.localName : element;
    const walker = document.createTreeWalker(host.shadowRoot, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent!.trim();
      if (!el || !text || disabled(el)) continue;
      if (el.closest('title, desc, style, option')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      // Hidden and invisible texts have no box; visually hidden ones are in a 1 px box.
      if (box.width <= 1 || box.height <= 1 || !el.checkVisibility({ visibilityProperty: true })) continue;
      if (visuallyHidden(el)) continue;
      const style = getComputedStyle(el);
      const svg = el instanceof SVGElement;
      const fg = parseColour(svg ? style.fill : style.color);
      fg[3] *= opacityOf(el) * (svg ? +style.fillOpacity : 1);
      const bg = backgroundOf(el);
      const size = parseFloat(style.fontSize);
      const large = !svg && (size >= 24 || (size >= 18.66 && +style.fontWeight >= 700));
      found.push({
        element: name,
        where: `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}${
          el.getAttribute('class') ? `.${el.getAttribute('class')!.split(' ').join('.')}` : ''
        }`,
        text: text.slice(0, 40),
        ratio: Math.round(contrast(over(fg, bg), bg) * 100) / 100,
        needed: large ? 3 : 4.5,
      });
    }
    found.push(...textContrasts(host.shadowRoot, name));
  }
  return found;
}

/** Texts below their minimum, described. */
function lowContrast(root: ParentNode): string[] {
  return textContrasts(root)
    .filter((t) => t.ratio < t.needed)
    .map((t) => `${t.element} ${t.where} "${t.text}": ${t.ratio}:1 (needs ${t.needed})`);
}

/** axe's colour-contrast rule over the element's shadow roots. */
async function axeContrast(root: Element): Promise<string[]> {
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const result = await axe.run(root, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`));
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Scrolls the page from top to bottom once. A criterion card off screen is laid out at an estimated
 * height (content-visibility: auto) until it has been on screen; axe measures the page once, then
 * scrolls to each text, and a card taking its real height on the way would move the texts below it
 * from where axe measured them.
 */
async function layOutAll() {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await frame();
    await frame();
  }
  scrollTo(0, 0);
  await frame();
}

async function checkContrast(root: HTMLElement) {
  // Every element is there and has rendered content to check.
  for (const tag of TAGS) {
    const el = root.querySelector(tag)!;
    expect(textContrasts(el.parentElement!).filter((t) => t.element === tag).length, tag).to.be.greaterThan(3);
  }
  expect(lowContrast(root)).to.deep.equal([]);
  await layOutAll();
  expect(await axeContrast(root)).to.deep.equal([]);
}

/**
 * The focus ring of each focusable control in the shadow roots under `root` (the first few of each
 * element), against what it is drawn over: outside the control (a positive offset), what is behind
 * the control; inside it (a negative offset), the control's own background, or the band of the
 * element's surface a two-tone ring draws between them. Rings below 3:1 (WCAG 1.4.11), described.
 */
async function lowRings(root: ParentNode): Promise<string[]> {
  const low: string[] = [];
  const focusables = (node: ParentNode): HTMLElement[] =>
    [...node.querySelectorAll<HTMLElement>('*')].flatMap((el) => [
      ...(el.matches('button, summary, [role="radio"], [role="gridcell"]:not(.self), a[href], input, textarea, select')
        ? [el]
        : []),
      ...(el.shadowRoot ? focusables(el.shadowRoot) : []),
    ]);
  for (const tag of TAGS) {
    const controls = focusables(root.querySelector(tag)!.shadowRoot!).filter(
      (el) => el.checkVisibility({ visibilityProperty: true }) && !disabled(el),
    );
    for (const el of controls.slice(0, 8)) {
      el.focus();
      await frame();
      const style = getComputedStyle(el);
      if (!el.matches(':focus-visible') || style.outlineStyle === 'none') continue;
      const ring = parseColour(style.outlineColor);
      const inset = parseFloat(style.outlineOffset) < 0;
      const shadow = /^(rgba?\([^)]*\)) 0px 0px 0px [\d.]+px inset$/.exec(style.boxShadow);
      const band = shadow ? parseColour(shadow[1]!) : undefined;
      const next = inset ? (band ?? backgroundOf(el)) : backgroundOf(flatParent(el)!);
      const ratio = Math.round(contrast(ring, next) * 100) / 100;
      if (ratio < 3) low.push(`${tag} ${el.localName}[part=${el.getAttribute('part') ?? ''}]: ${ratio}:1`);
    }
  }
  return low;
}

const DARK_TEXT = 'rgb(232, 232, 232)';

describe('the elements on a dark host page, no token set', () => {
  it('a page with <meta name="color-scheme" content="light dark">, seen with a dark system setting', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    // The canvas is dark by itself; axe needs the page background named to know it.
    hostPage('html { background-color: Canvas; }', 'light dark');
    const root = await mountAll();
    await checkContrast(root);
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
    // The page declared dark: the elements' surfaces are dark too.
    const card = root.querySelector('lc-criterion-card')!.shadowRoot!.querySelector('[part~="base"]')!;
    expect(luminance(parseColour(getComputedStyle(card).backgroundColor))).to.be.below(0.1);
  });

  it('a page dark by CSS: color-scheme: dark, a dark background and light text', async () => {
    hostPage(':root { color-scheme: dark; background: #121212; color: #e8e8e8; }');
    const root = await mountAll();
    await checkContrast(root);
    const option = root.querySelector('lc-self-rating')!.shadowRoot!.querySelector('[part~="option"]')!;
    expect(luminance(parseColour(getComputedStyle(option).backgroundColor))).to.be.below(0.1);
  });

  for (const background of ['#121212', '#2b2b2b']) {
    it(`focus rings of 3:1 on a page dark by its colours alone (${background}), and on a light one`, async () => {
      hostPage(`body { background: ${background}; color: #e8e8e8; }`);
      expect(await lowRings(await mountAll())).to.deep.equal([]);
      container!.remove();
      pageStyle!.textContent = 'body { background: #fff; color: #1b1b1b; }';
      expect(await lowRings(await mountAll())).to.deep.equal([]);
    });
  }

  it('a page dark by its colours alone (no color-scheme): light widgets, readable', async () => {
    hostPage('body { background: #121212; color: #e8e8e8; }');
    const root = await mountAll();
    await checkContrast(root);
    expect(getComputedStyle(root).color).to.equal(DARK_TEXT);
    // The widgets stay light (the page says nothing of its scheme), with their own dark text.
    const option = root.querySelector('lc-self-rating')!.shadowRoot!.querySelector('[part~="option"]')!;
    expect(luminance(parseColour(getComputedStyle(option).backgroundColor))).to.be.above(0.8);
    expect(luminance(parseColour(getComputedStyle(option).color))).to.be.below(0.1);
  });

  it('a light page, as before', async () => {
    hostPage('body { background: #fff; color: #1b1b1b; }');
    await checkContrast(await mountAll());
  });

  it("a host's tokens still win on a dark page", async () => {
    await emulateMedia({ colorScheme: 'dark' });
    hostPage(
      `html { background-color: Canvas; } .host { --lc-surface: rgb(1, 2, 3); --lc-text-color: rgb(250, 251, 252); }`,
      'light dark',
    );
    const root = await mountAll();
    const card = root.querySelector('lc-criterion-card')!.shadowRoot!.querySelector('[part~="base"]')!;
    expect(getComputedStyle(card).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(card).color).to.equal('rgb(250, 251, 252)');
  });
});

// ---- white-space --------------------------------------------------------------------------------

/** Two boxes overlap (by more than a hair). */
const overlap = (a: DOMRect, b: DOMRect) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/** Option labels of every rating that overlap one another or run out of their option. */
function labelProblems(root: HTMLElement): string[] {
  const problems: string[] = [];
  for (const rating of root.querySelectorAll('lc-self-rating')) {
    const options = [...rating.shadowRoot!.querySelectorAll('[part~="option"]')];
    const labels = options.map((o) => o.querySelector('.text')!.getBoundingClientRect());
    options.forEach((option, i) => {
      const box = option.getBoundingClientRect();
      if (labels[i]!.right > box.right + 0.5 || labels[i]!.left < box.left - 0.5) {
        problems.push(`${rating.getAttribute('criterion')}: label ${i} runs out of its option`);
      }
      for (let j = i + 1; j < labels.length; j++) {
        if (overlap(labels[i]!, labels[j]!)) problems.push(`${rating.getAttribute('criterion')}: labels ${i} and ${j}`);
      }
    });
  }
  return problems;
}

describe('the elements inside a white-space: nowrap container', () => {
  let viewport: { width: number; height: number };
  before(() => {
    viewport = { width: window.innerWidth, height: window.innerHeight };
  });
  afterEach(async () => {
    await setViewport(viewport);
  });

  it('at 320 px: the page does not scroll sideways, and no option label overlaps another', async () => {
    await setViewport({ width: 320, height: 800 });
    hostPage('.host { white-space: nowrap; }');
    const root = await mountAll();
    expect(document.documentElement.scrollWidth, 'the page is no wider than the viewport').to.be.at.most(320);
    expect(labelProblems(root)).to.deep.equal([]);
  });

  it('at 320 px with a very large text (32 px, as a person may set it): the page does not scroll sideways', async () => {
    await setViewport({ width: 320, height: 800 });
    hostPage('html, body { font-size: 32px; } .host { white-space: nowrap; }');
    const root = await mountAll();
    expect(document.documentElement.scrollWidth, 'the page is no wider than the viewport').to.be.at.most(320);
    expect(labelProblems(root)).to.deep.equal([]);
  });

  it('at 800 px, the options side by side: no label runs into the next one', async () => {
    await setViewport({ width: 800, height: 800 });
    hostPage('.host { white-space: nowrap; }');
    const root = await mountAll();
    const scale = root.querySelector('lc-self-rating')!.shadowRoot!.querySelector('[part~="scale"]')!;
    expect(getComputedStyle(scale).gridTemplateColumns.split(' ')).to.have.length(6);
    expect(labelProblems(root)).to.deep.equal([]);
    expect(document.documentElement.scrollWidth).to.be.at.most(800);
  });
});

// ---- inherited text styles ------------------------------------------------------------------------

/** Every element in the shadow roots under `root`, at any depth, named by its element and place. */
function shadowElements(root: ParentNode, element = ''): Array<[string, Element]> {
  const found: Array<[string, Element]> = [];
  for (const host of root.querySelectorAll('*')) {
    if (!host.shadowRoot) continue;
    const name = host.localName.startsWith('lc-') ? host.localName : element;
    // <lc-community>'s slot passes the page's own styles on to the page's content it wraps.
    [...host.shadowRoot.querySelectorAll(':not(slot)')].forEach((el, i) => {
      const part = el.getAttribute('part');
      found.push([`${name} ${i} ${el.localName}${part ? `[part=${part}]` : ''}`, el]);
    });
    found.push(...shadowElements(host.shadowRoot, name));
  }
  return found;
}

describe('the elements under text styles a page sets on its body', () => {
  it('-webkit-text-fill-color (a dark theme sets it with its text colour): every text takes its own colour', async () => {
    hostPage('.host { background: #121212; color: #e8e8e8; -webkit-text-fill-color: #e8e8e8; }');
    const root = await mountAll();
    const painted = shadowElements(root)
      .filter(([, el]) => !(el instanceof SVGElement))
      .map(([where, el]) => {
        const style = getComputedStyle(el);
        return [where, style.webkitTextFillColor === style.color] as const;
      });
    expect(painted.length).to.be.above(100);
    // Fields too: a textarea's and an input's typed text.
    expect(painted.some(([where]) => / textarea/.test(where))).to.be.true;
    expect(painted.some(([where]) => / input/.test(where))).to.be.true;
    expect(painted.filter(([, same]) => !same).map(([where]) => where)).to.deep.equal([]);
  });

  it('text-align: center (a CMS centres its content): labels, legends and lists stay at the start', async () => {
    const plain = shadowElements(await mountAll()).map(([where, el]) => `${where} ${getComputedStyle(el).textAlign}`);
    container!.remove();
    hostPage('.host { text-align: center; }');
    const centred = shadowElements(await mountAll()).map(([where, el]) => `${where} ${getComputedStyle(el).textAlign}`);
    expect(plain.length).to.be.above(100);
    expect(centred).to.deep.equal(plain);
    // The page's own content that <lc-community> wraps keeps the page's alignment.
    const own = document.createElement('p');
    container!.querySelector('lc-community')!.append(own);
    expect(getComputedStyle(own).textAlign).to.equal('center');
  });
});
